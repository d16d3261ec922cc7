"""Plans that answer from the tables' rows: the rows a question names, a combination asked of
the arms, two drugs never given together, and a filter over Table 1 or Table 2.

A mixin of :class:`her2qa.answering.pipeline.AnswerPipeline` (it uses the pipeline's tables, sentence index
and decline).
"""

from __future__ import annotations

import re

from ..query import Query, mentions
from ..results import Answer, AnswerTable
from ..citations import NCT_RE
from .compose import Pick, merge, render
from .extractive import DRUG_RE, _join, is_drug_name
from .tables import NAME_COLUMN_RE, TableMatch, names_the_row

# A table column asked of rows the question names ('what arm do … share', 'setting of X and Y').
ROW_COLUMN_ASKED_RE = re.compile(r"\b(?:arms?|phases?|settings?|lines?|end ?points?|payloads?|nct|identifiers?|"
                                 r"(?:trial|registry|registration) ids?|comparators?)\b|"
                                 # ('what are they comparing it against in X and Y': the control arm of each)
                                 r"\bcompar\w*\s+(?:[\w\-]+\s+)?against\b", re.I)
# The column a list asks for, right after its wh-word: "what are all the arms in …", "list the endpoints of …"
# ("what are all the experimental arms in …": the column's own qualifier between; "all the arms in …?" and
# "list all the enhertu arms in …": the wh-word left out, or the drug the arms share between)
COLUMN_LISTED_RE = re.compile(r"^\W*(?:what|which|list|name|show|give|tell|all)(?:\s+(?:are|were|is|the|all|of|me|us))*\s+"
                              # ('list the DESTINY-Breast07 arms': the trial's name as the qualifier)
                              r"(?:(?:experimental|control|treatment|primary|[a-z][a-z0-9]*(?:-[a-z0-9]+)?)\s+)?"
                              r"(?:arms?|phases?|settings?|lines?|end ?points?|payloads?)\b|"
                              # ('destiny-breast 07 arms list': the column named, then the word asking for its list)
                              r"^\W*(?:the\s+)?(?:[\w\-]+\s+){1,4}?(?:arms?|phases?|settings?|lines?|end ?points?|payloads?)"
                              r"\s+list\W*$", re.I)
# What a drug is given with: "what is enhertu combined with", "what are they combining X with", "paired with"
PARTNERS_ASKED_RE = re.compile(r"\b(?:combin\w*|given|paired|partnered|mixed|used)\b[^?]{0,30}?\bwith\b|\bwhat\s+(?:drugs?\s+)?"
                               r"(?:is|are)\s+(?:being\s+)?added\s+to\b", re.I)
# Two drugs asked together: "combining X with Y", "X plus Y", "X + Y", "X on top of Y"
COMBINATION_ASKED_RE = re.compile(r"\b(?:combin\w*|plus|together with|along with|added to|on top of|with)\b|\s\+\s", re.I)
# 'can i take nerlynx and tukysa at the same time?': two drugs asked of as given together
TOGETHER_ASKED_RE = re.compile(r"\btogether\b|\bat the same time\b|\bsame time\b|\bcombin\w*|\bsimultaneous\w*|"
                               r"\bconcurrent\w*", re.I)
# ... and not set against each other ('longer with T-DM1 or with lapatinib plus capecitabine?')
SET_AGAINST_RE = re.compile(r"\b(?:or|vs\.?|versus|than|compared?|better|worse)\b", re.I)
# what joins two drugs given together in a sentence ('tucatinib or placebo in combination with … trastuzumab')
GIVEN_WITH_RE = re.compile(r"\b(?:plus|with|combin\w*|added|addition|together)\b|\+")
# ... of trials or of anyone trying it
TRIALS_ASKED_RE = re.compile(r"\b(?:anyone|anybody|trials?|stud(?:y|ies)|test\w*|tried|trying|evaluat\w*|"
                             r"investigat\w*|ongoing|running)\b", re.I)


# 'did neratinib plus capecitabine improve OS over lapatinib plus capecitabine?': regimens set against each other
REGIMENS_SET_AGAINST_RE = re.compile(r"\b(?:over|against|beat|improv\w*|superior|inferior)\b", re.I)
# The word that opens a list of drugs given together: "the combination of everolimus, trastuzumab, and paclitaxel"
COMBINATION_OPENS_RE = re.compile(r"\b(?:combination of|combining|combined)\s+(?:the\s+)?$")
# How far apart two drugs given together stand ('tucatinib or placebo in combination with capecitabine and trastuzumab')
GIVEN_WITH_WORDS = 6


class TablePlans:
    """Answers made of table rows: every row that matches, each cited."""

    def _rows_named(self, base: Answer, text: str, query: Query) -> Answer | None:
        """'what arm do DESTINY-Breast07 and 08 share?': a column asked of several rows named, one table's
        rows side by side; 'TULIP - which drug, what payload, what phase': several columns asked of one row
        named, which its row gives together (one column of one name is the fact path's: its row, or the
        text where it is described)."""
        match = self.tables.match(text, query)
        specific = self._specific(query)
        trials = [e for e in specific if self.names_a_trial_row(e)]
        if base.intent == "list" and COLUMN_LISTED_RE.match(text) and len(trials) == 1 and all(
                is_drug_name(e) for e in specific if e not in trials):
            # 'list all the enhertu arms in DESTINY-Breast07': the drug qualifies the column of the one trial named
            specific = trials
            match = self.tables.rows_named([query.aliases.get(trials[0], [trials[0]])]) or match
        names = [query.aliases.get(e, [e]) for e in specific]
        if match is None:
            return None
        several_rows = len(match.rows) >= 2 and len(names) >= 2
        # ('what are all the arms in DESTINY-Breast07?': a list asked of one name, which one cell of its row holds)
        columns = len({m.lower().rstrip("s") for m in ROW_COLUMN_ASKED_RE.findall(text)})
        columns_of_one = len(match.rows) == len(names) == 1 and (
            columns >= 2 or columns == 1 and base.intent == "list" and bool(COLUMN_LISTED_RE.match(text)))
        if not (several_rows or columns_of_one):
            return None
        # each name is a row's own name (its trial, ADC or NCT cell), not a drug that fills its arms
        name_columns = [c for c in match.table.columns if NAME_COLUMN_RE.search(c)]
        row_names = [" ".join(r.cells.get(c, "") for c in name_columns) for r in match.rows]
        if not all(any(names_the_row(n, aliases) for n in row_names) for aliases in names) or not all(
                any(names_the_row(n, aliases) for aliases in names) for n in row_names):
            # 'ARX788 - payload, phase, trial name?' matched Table 2, where ARX788 fills an arm: the row that
            # is its own (Table 1's ADC), which the other table's row then completes
            match = self.tables.rows_named(names) if columns_of_one else None
            if match is None:
                return None
        return self._table(base.model_copy(update={"intent": "table"}), text, text, query, [], [], match=match)

    def _partners_in_its_row(self, base: Answer, text: str, query: Query) -> Answer | None:
        """'what is enhertu combined with in DESTINY-Breast08?': what a trial of a table gives with its drug is the
        arms its row lists (the text never names those partners)."""
        if not PARTNERS_ASKED_RE.search(text):
            return None
        trials = [e for e in self._specific(query) if self.names_a_trial_row(e)]
        if len(trials) != 1:
            return None
        match = self.tables.rows_named([query.aliases.get(trials[0], [trials[0]])])
        if match is None or len(match.rows) != 1:
            return None
        return self._table(base.model_copy(update={"intent": "table"}), text, text, query, [], [], match=match)

    def _combination_rows(self, base, question, text, query, candidates, carried) -> Answer | None:
        """'is anyone combining tucatinib with T-DXd?', 'which trials test tukysa plus enhertu?': every row of
        a table of trials whose arms give both drugs (HER2CLIMB-04's 'Tucatinib plus T-DXd', DESTINY-Breast
        07's 'T-DXd plus Tucatinib'); None unless two drugs are asked together of trials."""
        drugs = [e for e in self._specific(query) if is_drug_name(e) and not self.is_trial(e)]
        named = [e for e in query.entities if is_drug_name(e) and not self.is_trial(e)]  # herceptin too
        if len(drugs) != 2 or len(named) != 2 or not (COMBINATION_ASKED_RE.search(text) and TRIALS_ASKED_RE.search(text)):
            return None
        for source, table in self.tables.tables():
            rows = self._rows_giving_all(table, drugs, query)
            chunks = [self.tables.chunk_of(source, table, r) for r in rows]
            if rows and None not in chunks:
                match = TableMatch(table=table, rows=rows, chunks=chunks, filters=[" plus ".join(drugs)])
                answer = self._table(base, question, text, query, candidates, carried, match=match)
                return self._with_the_text_on_rows(base, query, answer, table, rows)
        return None

    def _with_the_text_on_rows(self, base: Answer, query: Query, answer: Answer | None, table, rows) -> Answer | None:
        """The rows, then the body sentences that cite them by their NCT identifier ("…several phase II trials
        are assessing the efficacy and safety of these combinations [NCT04539938 and NCT05673928]")."""
        ids = [m.group(0) for r in rows for cell in r.cells.values() for m in NCT_RE.finditer(cell or "")]
        told = sorted({s.start: s for n in ids for s in self.sentences.mentioning([n])
                       if self.sentences.chunk(s).kind == "text"}.values(), key=lambda s: s.start)
        if answer is None or answer.abstained or not told:
            return answer
        heading = f"Table {table.number}"
        rows_part = answer.model_copy(update={"points": [p.model_copy(update={"group": heading}) for p in answer.points]})
        merged = merge(base, [(heading, rows_part), ("In the text", self._quoting(base, query, told))], lead=answer.lead)
        return merged.model_copy(update={"table": answer.table, "intent": "table"})

    @staticmethod
    def _rows_giving_all(table, drugs: list[str], query: Query) -> list:
        """The rows of a table of trials whose arms give every one of the drugs."""
        arms = [c for c in table.columns if re.search(r"\barm\b", c, re.I)]
        return [r for r in table.rows if arms and all(
            mentions(" ".join(r.cells.get(c, "") for c in arms), query.aliases.get(d, [d])) for d in drugs)]

    def _given_together_first(self, base, answer: Answer, query: Query) -> Answer:
        """'any phase 3 data combining tykerb with herceptin?': when a quoted sentence gives the two drugs
        together ("trastuzumab plus lapatinib vs. lapatinib alone"), one naming both apart — as treatment
        before ("…including trastuzumab and lapatinib") — answers nothing asked and goes."""
        drugs = [e for e in query.entities if is_drug_name(e) and not self.is_trial(e)]
        if len(drugs) != 2 or not COMBINATION_ASKED_RE.search(query.text) or SET_AGAINST_RE.search(query.text) \
                or REGIMENS_SET_AGAINST_RE.search(query.text) or answer.abstained:
            return answer
        if any(re.search(rf"\b{re.escape(a)}[\s-]+(?:resist\w*|refractory|failure|pretreated)\b", query.text, re.I)
               for d in drugs for a in query.aliases.get(d, [d])):
            return answer  # ('does everolimus help with herceptin resistance?': what resists is no partner given with it)
        first, second = (query.aliases.get(d, [d]) for d in drugs)
        chosen = [sentence for _, _, sentence in self._quoted(answer)]
        if None in chosen:
            return answer
        if not any(_gives_together(s.text, first, second, within=GIVEN_WITH_WORDS) for s in chosen):
            return answer
        def off_the_pair(sentence) -> bool:
            """Both named apart, or one given with a third drug ('lapatinib plus capecitabine')."""
            if _gives_together(sentence.text, first, second, within=GIVEN_WITH_WORDS):
                return False
            one, other = mentions(sentence.text, first), mentions(sentence.text, second)
            if one and other:
                return True
            named = first if one else second if other else []
            # ('ibrance + herceptin …?': "the combination of everolimus, trastuzumab, and paclitaxel" names one of
            # the pair beside a drug of another regimen — another pairing, not the one asked)
            others = {d.lower() for d in DRUG_RE.findall(sentence.text)} - {a.lower() for a in first + second}
            return bool(named and others) or any(
                re.search(rf"\b{re.escape(a)}\s+(?:plus|\+|with|combined with|in combination with)\s+\w", sentence.text, re.I)
                for a in named)

        gone = {s.start for s in chosen if off_the_pair(s)}
        # (what leans on a sentence that went, naming neither drug — "However, no … differences in OS" — goes with it;
        # a sentence naming neither, on its own, may say what became of the pair and stays)
        gone |= {s.start for s in chosen if not mentions(s.text, first + second) and any(
            o.start in gone and (o.source, o.paragraph) == (s.source, s.paragraph) and o.index == s.index - 1 for o in chosen)}
        return self._quoting(base, query, [s for s in chosen if s.start not in gone]) if gone else answer

    def _never_given_together(self, base, text: str, query: Query) -> Answer | None:
        """'can i take nerlynx and tukysa at the same time?': two drugs asked together that no sentence gives
        together ('X plus Y', 'Y in combination with X') and no trial's arm pairs — the review does not say;
        naming both in a list ('lapatinib, neratinib and tucatinib have been approved') is no combination."""
        drugs = [e for e in self._specific(query) if is_drug_name(e) and not self.is_trial(e)]
        if len(drugs) != 2 or not TOGETHER_ASKED_RE.search(text) or SET_AGAINST_RE.search(text):
            return None
        first, second = (query.aliases.get(d, [d]) for d in drugs)
        if any(_gives_together(sentence.text, first, second) for sentence in self.sentences.mentioning(first)):
            return None
        if any(self._rows_giving_all(table, drugs, query) for _, table in self.tables.tables()):
            return None
        return self._decline(base, f"The review does not report {drugs[0]} and {drugs[1]} given together.",
                             missing=[f"{drugs[0]} given with {drugs[1]}"])

    def _table(self, base, question, text, query, candidates, carried, match: TableMatch | None = None) -> Answer | None:
        match = match or self.tables.match(text, query)
        if match is None or not match.rows:
            return None
        table = match.table
        self._considered.update(c.id for c in match.chunks)
        picks = [Pick(chunk=c, text=c.text, group="") for c in match.chunks]
        shown = {c.id: "; ".join(f"{col}: {r.cells[col]}" for col in table.columns if r.cells.get(col))
                 for c, r in zip(match.chunks, match.rows)}
        rows_word = "row" if len(match.rows) == 1 else "rows"
        what = rows_word if match.everything else f"{rows_word} matching {', '.join(match.filters)}"
        lead = f"Table {table.number} ({table.caption.rstrip('.')}): {len(match.rows)} {what}."
        column = self.tables.asked_column(table, text)
        if column:  # "what primary endpoints are used in table 2?" — the column's values, then the rows
            values = self.tables.column_values(table, match.rows, column)
            if values:
                # (each value in one row — the rows' own names — needs no count beside it)
                listed = ", ".join(v for v, _ in values) if all(n == 1 for _, n in values) else \
                    "; ".join(f"{v} — {n} row{'s' if n > 1 else ''}" for v, n in values)
                # ('AS269 (MT inhibitor)': what the footnote spells out, said once after the values)
                spelled = self.tables.spelled_within(table, listed)
                lead = f"{column} in Table {table.number} ({len(match.rows)} {what}): {listed}" + \
                    (f" ({spelled})." if spelled else ".")
        # ('primary endpoint for destiny-breast 07 and 08?': 'AEs' in the rows is what the footnote spells out)
        if unsaid := [term for term in self.tables.spelled_within(table, " ".join(shown.values())).split("; ")
                      if term and term not in lead]:
            lead = f"{lead} {'; '.join(unsaid)}."  # (said after, as the table's own footnote says it)
        names = [query.aliases.get(e, [e]) for e in self._specific(query)]
        if names and (other := self.tables.named_elsewhere(match, text, names)) is not None:
            # the column asked that this table lacks, from the other table's row for the same name
            picks += [Pick(chunk=c, text=c.text, group="") for c in other.chunks]
            shown.update({c.id: "; ".join(f"{col}: {r.cells[col]}" for col in other.table.columns if r.cells.get(col))
                          for c, r in zip(other.chunks, other.rows)})
            # (a column its row leaves empty is said to be empty, not given: Table 2 lists no control arm for ARX788)
            given = [c for c in other.filters if any(r.cells.get(c) for r in other.rows)]
            empty = [c for c in other.filters if c not in given]
            told = [f"gives its {_join([c.lower() for c in given], 'and')}"] if given else []
            told += [f"lists no {_join([c.lower() for c in empty], 'or')}"] if empty else []
            lead += f" Table {other.table.number} ({other.table.caption.rstrip('.')}) {' and '.join(told)}:"
        listed = len(picks)
        picks += [Pick(chunk=self.sentences.chunk(s), text=s.text, start=s.start, group="")
                  for s in self._trials_named_beside(match, text, names)]
        answer = self.composer.compose(base, picks, query, lead=lead, highlight_figures=False)
        points = [p.model_copy(update={"text": shown.get(pick.chunk.id, p.text)}) for p, pick in zip(answer.points, picks)]
        answer = answer.model_copy(update={"points": points, "answer": render(lead, points)})
        rows = [[r.cells.get(col, "") or "–" for col in table.columns] for r in match.rows]
        markers = [p.markers[0] for p in answer.points[:listed]]
        return answer.model_copy(update={"table": AnswerTable(title=f"Table {table.number}. {table.caption}",
                                                              columns=table.columns, rows=rows, markers=markers),
                                         "intent": "table"})

    def _trials_named_beside(self, match: TableMatch, text: str, names: list[list[str]]) -> list:
        """'list the trials testing tukysa together with an adc': a text sentence naming the drug asked with trial
        registrations the matched rows do not hold ("… several phase II trials are assessing … [NCT04539938 and
        NCT05673928]") names trials of the list as well."""
        if not names or not re.search(r"\b(?:trials?|stud(?:y|ies))\b", text, re.I) or re.search(r"\btables?\b", text, re.I):
            return []  # (trials asked of a table are its rows)
        held = {m.group(0).upper() for c in match.chunks for m in NCT_RE.finditer(c.text)}
        return [s for s in self.sentences.mentioning([a for n in names for a in n])
                if all(mentions(s.text, n) for n in names)
                and {m.group(0).upper() for m in NCT_RE.finditer(s.text)} - held][:2]

    # (lists: answering/lists.py; one drug or trial: answering/subjects.py)


def _gives_together(text: str, first: list[str], second: list[str], within: int | None = None) -> bool:
    """Does the sentence give the two drugs together ('X plus Y', 'Y in combination with X'), not merely name
    both ('lapatinib, neratinib and tucatinib have been approved')? With ``within``, at most that many words
    apart ("lapatinib plus capecitabine … refractory to trastuzumab" gives lapatinib with capecitabine only)."""
    lowered = text.lower()
    for a in first:
        for b in second:
            i, j = lowered.find(a.lower()), lowered.find(b.lower())
            if i < 0 or j < 0:
                continue
            between = lowered[min(i, j):max(i, j)]
            if GIVEN_WITH_RE.search(between) and (within is None or len(between.split()) - 1 <= within):
                return True
            # "the combination of everolimus, trastuzumab, and paclitaxel": a list the combining word opens
            if COMBINATION_OPENS_RE.search(lowered[max(0, min(i, j) - 30):min(i, j)]) and re.fullmatch(
                    r"[\w\-]+(?:,\s*[\w\-]+)*,?\s*(?:and\s+)?", between):
                return True
    return False
