"""The facade every front end uses: load once, then ``ask`` per question."""
