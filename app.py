"""Start the her2qa web UI: ``python app.py [--host 127.0.0.1 --port 7860]`` (same as ``her2qa serve``)."""

from her2qa.ui import main

if __name__ == "__main__":
    main()
