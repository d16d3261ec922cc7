"""Tables as data: list and filter questions over the review's tables answer with every matching row.

"Which trials in Table 2 are first line?", "phase 3 trials in table 2?", "which ADC has a TLR7/8
agonist payload?" are filters over cells, not similarity searches: a row either matches or not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..chunking import Chunk
from ..corpus import Corpus
from ..document import Table, TableRow
from ..query import STOPWORDS, Query, compact, light_stem, mentions, only_a_successor_named
from ..retrieval import is_generic
from ..vocabulary import PAYLOAD_ABBREVIATIONS

# 'phase II or later', 'phase 2+', 'phase II and above': a phase and those after it ('or earlier': before it)
PHASE_ONWARD_RE = re.compile(r"\s*(?:\+|or (?:later|higher|above|beyond|more)|and (?:later|higher|above|beyond)|onwards?"
                             r"|(or (?:earlier|lower|below)|and (?:earlier|lower|below)))", re.I)
ROMAN = {"1": "i", "2": "ii", "3": "iii", "4": "iv", "i": "i", "ii": "ii", "iii": "iii", "iv": "iv"}
ORDINALS = {"first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th", "1": "1st", "2": "2nd", "3": "3rd"}
# phases told one after another, each alone or combined ("only phase I or I/II")
_PHASE = r"(?:iv|iii|ii|i|[1-4])"
PHASES_TOLD_RE = re.compile(rf"phase\s*({_PHASE}(?:\s*/\s*{_PHASE})*(?:\s*(?:,|\bor\b|\band\b)\s*(?:phase\s*)?{_PHASE}"
                            rf"(?:\s*/\s*{_PHASE})*)+)\b", re.I)
PHASE_RE = re.compile(r"\bphase\s*(iv|iii|ii|i|[1-4])(?:\s*(?:/|or|and|-)\s*(iv|iii|ii|i|[1-4]))?\b", re.I)
LINE_RE = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th|[1-3])[\s-]*lines?\b", re.I)
# Words that name the table or its parts rather than filter its rows.
TABLE_WORDS = {"table", "tables", "trial", "trials", "study", "studies", "row", "rows", "listed", "list", "show",
               "which", "what", "whats", "are", "is", "in", "the", "of", "with", "have", "has", "any", "all",
               "ongoing", "clinical", "does", "do", "and", "a", "an", "on", "for", "their", "there", "ones",
               "me", "give", "tell", "about", "only", "arm", "arms", "name", "names", "phase", "line", "lines",
               "specifically", "under", "development", "being", "tested", "testing", "use", "uses", "using",
               "each", "per", "it", "its", "that", "this", "these", "those", "or", "to", "as", "by", "from",
               "column", "columns", "primary", "endpoint", "endpoints", "setting", "settings", "identifier",
               "nct", "number", "numbers", "id", "ids", "where", "did", "get", "pls", "please", "many", "how",
               "included", "include", "includes", "combo", "combos", "combination", "combinations",
               "drug", "drugs", "agent", "agents", "therapy", "therapies", "treatment", "treatments",
               "payload", "payloads", "adc", "adcs", "bc", "her2", "metastatic", "breast", "cancer", "patients",
               "based", "type", "types", "kind", "kinds"}
# where a negation's reach ends: a dash between spaces, a semicolon, a colon, a bracket, a question mark
CLAUSE_BREAK_RE = re.compile(r"\s[-–—]+\s|—|[;:?(]")
NEGATION_RE = re.compile(r"\b(?:not|no|non|without|except|excluding|other than|besides|(?:do|does|is|are)n[’']?t)\b")
INCLUDING_RE = re.compile(r"\b(?:incl\.?|including|as well as)\s")
TABLE_NUMBER_RE = re.compile(r"\btable\s*(\d+)\b", re.I)


# The columns a table names its rows by (a trial's name, an ADC, an NCT identifier)
NAME_COLUMN_RE = re.compile(r"name|identifier|^adc$", re.I)


@dataclass
class TableMatch:
    table: Table
    rows: list[TableRow]
    chunks: list[Chunk]
    filters: list[str]

    @property
    def everything(self) -> bool:
        return not self.filters


def names_the_row(own_name: str, aliases: list[str]) -> bool:
    """Is a row's own name (its trial, ADC or NCT cell) one of these names? HER2CLIMB-04's row is not
    HER2CLIMB's: a numbered successor is another trial."""
    return mentions(own_name, aliases) and not only_a_successor_named(own_name, aliases)


def row_text(table: Table, row: TableRow) -> str:
    return " ; ".join(row.cells.get(c, "") for c in table.columns)


def _terms(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9][a-z0-9/+\-–≥.]*[a-z0-9]|[a-z0-9]", text.lower().replace("–", "-"))]


def _norm_row(text: str) -> set[str]:
    words = set(_terms(text))
    return words | {light_stem(w) for w in words if w.isalpha()} | {w.rstrip("s") for w in words}


class TableAnswerer:
    """Finds the rows of the review's tables that a question filters for."""

    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self.row_chunks: dict[tuple[str, int, int], Chunk] = {}
        for chunk in corpus.chunks:
            if chunk.kind == "table_row" and chunk.table is not None:
                self.row_chunks[(chunk.source, chunk.table, chunk.start)] = chunk

    def tables(self) -> list[tuple[str, Table]]:
        return [(d.source, t) for d in self.corpus.documents for t in d.tables]

    def chunk_of(self, source: str, table: Table, row: TableRow) -> Chunk | None:
        return self.row_chunks.get((source, table.number, row.span.start))

    def match(self, question: str, query: Query, require_table_word: bool = False) -> TableMatch | None:
        """The rows a question asks for, or None when it is not about a table's rows."""
        named = TABLE_NUMBER_RE.search(question)
        candidates = self.tables()
        if named:
            candidates = [(s, t) for s, t in candidates if t.number == int(named.group(1))]
            if not candidates:
                return None
        elif require_table_word:
            return None
        scored = [self._filter(source, table, question, query) for source, table in candidates]
        scored = [m for m in scored if m is not None]
        if not scored:
            return None
        if named:
            return scored[0]
        # No table named: a match must be specific (some filter) and hit rows of one table.
        scored = [m for m in scored if m.filters and m.rows]
        return max(scored, key=lambda m: self._header_votes(m.table, question)) if scored else None

    def rows_named(self, names: list[list[str]]) -> TableMatch | None:
        """The rows whose own name (their trial, ADC or NCT cell) is one of ``names`` (each a name's aliases),
        one row per name, in the first table that names them all so: ARX788 is Table 1's ADC, while in
        Table 2 it only fills an arm."""
        for source, table in self.tables():
            columns = [c for c in table.columns if NAME_COLUMN_RE.search(c)]
            rows = [r for r in table.rows if any(names_the_row(" ".join(r.cells.get(c, "") for c in columns), aliases)
                                                 for aliases in names)]
            chunks = [self.chunk_of(source, table, r) for r in rows]
            if rows and len(rows) == len(names) and None not in chunks:
                return TableMatch(table=table, rows=rows, chunks=chunks, filters=[a[0] for a in names])
        return None

    def named_elsewhere(self, match: TableMatch, question: str, names: list[list[str]]) -> TableMatch | None:
        """'ARX788 - payload, phase, trial name?' answered by Table 2, which has no payload column: the row
        of another table for the same name (Table 1's ARX788: 'AS269 (MT inhibitor)') gives the column asked.
        Only when the question asks a column the matched table lacks and every row found names a name asked."""
        asked = set(_terms(question)) | {w.rstrip("s") for w in _terms(question)}
        have = {w for c in match.table.columns for w in _terms(c)}
        for source, table in self.tables():
            if table is match.table:
                continue
            # ('arx788 payload, phase, endpoint?': "endpoint" asks Table 2's "Primary Endpoint", its qualifier unsaid)
            missing = [c for c in table.columns if (words := _terms(c)) and not set(words) & have
                       and (all(w in asked for w in words) or words[-1] in asked and len(words) == 2)]
            if not missing:
                continue
            rows = [r for r in table.rows if any(mentions(row_text(table, r), aliases) for aliases in names)]
            chunks = [self.chunk_of(source, table, r) for r in rows]
            if rows and len(rows) <= len(match.rows) and None not in chunks:
                return TableMatch(table=table, rows=rows, chunks=chunks, filters=missing)
        return None

    @staticmethod
    def asked_column(table: Table, question: str) -> str | None:
        """'what primary endpoints are used in table 2?' asks for one column's values."""
        asked = re.match(r"\s*(?:what|which|list|show|name)(?:\s+(?:are|were|is|the|all))*\s+((?:\S+\s*){1,3})",
                         question, re.I)
        if not asked:
            return None
        # the column is what is asked for ('what primary endpoints…'), not a filter ('…not phase 3')
        head = _terms(asked.group(1))
        words = set(head) | {w.rstrip("s") for w in head}
        named = [c for c in table.columns if all(w.rstrip("s") in words or w in words for w in _terms(c))
                 and not re.search(r"identifier|name", c, re.I)]
        return max(named, key=len) if named else None

    @staticmethod
    def spelled_within(table: Table, text: str) -> str:
        """'MT: microtubules' for a value list holding 'MT inhibitor': the footnote's abbreviations that ``text``
        uses inside a value (a value that is the abbreviation itself is spelled out beside it already)."""
        return "; ".join(f"{k}: {v}" for k, v in footnote_terms_in(table, text).items() if f"{k} ({v})" not in text)

    @staticmethod
    def column_values(table: Table, rows: list[TableRow], column: str) -> list[tuple[str, int]]:
        """Distinct values of a column in reading order, each with how many rows hold it; the
        footnote's abbreviations spelled out ('PFS (progression-free survival)')."""
        spelled = footnote_terms(table)
        counts: dict[str, int] = {}
        for row in rows:
            for value in dict.fromkeys(v.strip() for v in re.split(r";\s*", row.cells.get(column, "")) if v.strip()):
                counts[value] = counts.get(value, 0) + 1
        return [(f"{v} ({spelled[v]})" if v in spelled else v, n) for v, n in counts.items()]

    @staticmethod
    def _header_votes(table: Table, question: str) -> int:
        words = set(_terms(question))
        header = set(_terms(" ".join(table.columns) + " " + table.caption))
        return len(words & header)

    def _filter(self, source: str, table: Table, question: str, query: Query) -> TableMatch | None:
        """The rows a question keeps: by phase, line, the names it gives, a column it asks filled or empty, then its
        remaining words — each step reading the words the steps before left; None when it asks of something no row
        (nor the caption) holds."""
        state = _Narrowing(rows=list(table.rows), filters=[], lowered=question.lower(), asked=question.lower())
        phases = _by_phase(state, table)
        _by_line(state, table)
        unfiltered = list(state.rows)  # (what a word after 'including' may add back)
        named, added_names = _by_names(state, table, query)
        _by_filled_column(state, table)
        _by_words(state, table, unfiltered, phases, [query.aliases.get(e, [e]) for e in named])
        if added_names and state.filters:
            state.rows = [r for r in unfiltered if r in state.rows or any(
                mentions(row_text(table, r), query.aliases.get(e, [e])) for e in added_names)]
            state.filters.extend("or " + e for e in added_names)
        if _names_no_row_holds(table, query):
            return None  # the question is about something no row holds
        if query.entities and not named and not state.filters and any(
                not mentions(table.caption, query.aliases.get(e, [e])) for e in query.entities
                if compact(e) not in {"table1", "table2", "adc", "adcs", "tdxd"}):
            # The question names something no row holds: this table does not answer it.
            if not TABLE_NUMBER_RE.search(question):
                return None
        chunks = [c for r in state.rows if (c := self.chunk_of(source, table, r)) is not None]
        return TableMatch(table=table, rows=state.rows, chunks=chunks, filters=state.filters)


@dataclass
class _Narrowing:
    """The rows a table question keeps so far, the filters that kept them, and its words not yet read as one."""
    rows: list[TableRow]
    filters: list[str]
    lowered: str
    asked: str = ""  # the question as typed (lowercased), every word still in it

    def read(self, words: str) -> None:
        """Words a step has read as its filter are no word filter after it."""
        self.lowered = self.lowered.replace(words, " ")


def phases_of(cell: str) -> set[str]:
    """The phases a row's Phase cell names, lower-cased roman numerals ('I/II' → {'i', 'ii'})."""
    return {p.strip().lower() for p in re.split(r"[/,]", cell) if p.strip()}


def _by_phase(state: _Narrowing, table: Table) -> re.Match | None:
    """'phase III', 'not phase 2', 'only phase I', 'phase I/II': the rows of that development phase."""
    phase_col = next((c for c in table.columns if "phase" in c.lower()), None)
    phases = PHASE_RE.search(state.lowered)
    if not (phases and phase_col):
        return phases
    lowered = state.lowered
    wanted = {ROMAN[p.lower()] for p in phases.groups() if p}
    only = bool(re.search(r"\bonly\b|\bjust\b|\bexclusively\b|\bon its own\b|\balone\b|\bsolely\b", lowered))
    negation = NEGATION_RE.search(lowered[:phases.start()])

    # "phase I/II" (or "1-2") names the combined phase, which a row's "I/II/III" also has; "phase
    # 2 or 3" asks for either
    combined = len(wanted) > 1 and bool(re.search(r"[/\-]", phases.group(0)))
    order = ["i", "ii", "iii", "iv"]
    label = ""
    if len(wanted) == 1 and (onward := PHASE_ONWARD_RE.match(lowered, phases.end())):
        # "phase II or later": that phase and every one after it (before it, for "or earlier")
        named = next(iter(wanted))
        wanted = set(order[:order.index(named) + 1] if onward.group(1) else order[order.index(named):])
        label = f"phase {named.upper()} or {'earlier' if onward.group(1) else 'later'}"

    # "only phase I or I/II": phases told one after another, one of them combined — a row in any of them
    told = PHASES_TOLD_RE.match(lowered, phases.start())
    alternatives = [{ROMAN[p] for p in re.split(r"\s*/\s*", alt.strip())}
                    for alt in re.split(r"\s*(?:,|\bor\b|\band\b)\s*(?:phase\s*)?", told.group(1))] if told else []
    several = len(alternatives) >= 2 and any(len(a) > 1 for a in alternatives) and not label
    if several:
        label = "phase " + " or ".join("/".join(p.upper() for p in sorted(a, key=order.index)) for a in alternatives)

    def phase_ok(row: TableRow) -> bool:
        have = phases_of(row.cells.get(phase_col, ""))
        if several:
            met = any(have == a if only else a <= have for a in alternatives)
        else:
            met = have == wanted if only else wanted <= have if combined else bool(have & wanted)
        return met != bool(negation)
    state.rows = [r for r in state.rows if phase_ok(r)]
    state.filters.append(("not " if negation else "") + ("only " if only else "") + (label or "phase "
                         + ("/" if combined or only else " or ").join(p.upper() for p in sorted(wanted, key=len))))
    state.lowered = PHASE_RE.sub(" ", lowered)
    return phases


def _by_line(state: _Narrowing, table: Table) -> None:
    """'1st line', 'second-line': the rows whose setting names that line."""
    line = LINE_RE.search(state.lowered)
    if line:
        ordinal = ORDINALS.get(line.group(1).lower(), line.group(1).lower())
        state.rows = [r for r in state.rows if ordinal in row_text(table, r).lower()]
        state.filters.append(f"{ordinal} line")
        state.lowered = LINE_RE.sub(" ", state.lowered)


def _by_names(state: _Narrowing, table: Table, query: Query) -> tuple[list[str], list[str]]:
    """Named entities in the question (trial names, drugs, NCT ids) pick the rows that name them; a name every row
    holds, or the caption's own subject, picks none. Returns the names that picked rows, and those named after
    'including', whose rows are added at the end."""
    named = [e for e in query.entities if not re.fullmatch(r"table\s*\d+|[IV]{1,3}(?:/[IV]{1,3})*[ab]?|phase|trials?", e, re.I)
             and any(mentions(row_text(table, r), query.aliases.get(e, [e])) for r in table.rows)]
    common = [e for e in named if all(mentions(row_text(table, r), query.aliases.get(e, [e])) for r in table.rows)
              or mentions(table.caption, query.aliases.get(e, [e]))]
    named = [e for e in named if e not in common]
    # ('auristatin payloads (incl MMAE)': a word after 'including' adds its rows to those the words before chose)
    including = INCLUDING_RE.search(state.lowered)
    added_names = [e for e in named if including and any(
        state.lowered.find(a.lower(), including.end()) >= 0 for a in query.aliases.get(e, [e]))]
    named = [e for e in named if e not in added_names]
    for e in added_names:
        for alias in query.aliases.get(e, [e]):
            state.read(alias.lower())
    for e in common:  # "the T-DXd trials in table 2": the caption's own subject is no word filter either
        for alias in query.aliases.get(e, [e]):
            state.read(alias.lower())
    if named:
        state.rows = [r for r in state.rows if any(mentions(row_text(table, r), query.aliases.get(e, [e])) for e in named)]
        state.filters.extend(named)
        for e in named:
            for alias in query.aliases.get(e, [e]):
                state.read(alias.lower())
    return named, added_names


def _by_filled_column(state: _Narrowing, table: Table) -> None:
    """"…have a control arm?": a column the question names after have/has/with keeps the rows where that cell is
    filled; "…without a control arm" the rows where it is empty."""
    for column in table.columns:
        asked = re.search(rf"\b(?:(?P<neg>without|lack(?:s|ing)?|(?:do|does)n[’']?t have|not have|(?:have|has|with) no)"
                          rf"|have|has|with|having)\s+(?:an?\s+|any\s+)?{re.escape(column.lower())}s?\b", state.lowered)
        if asked:
            filled = not asked.group("neg")
            narrowed = [r for r in state.rows if bool(r.cells.get(column, "").strip()) == filled]
            if narrowed:
                state.rows = narrowed
                state.filters.append(("with " if filled else "without ") + column.lower())
            state.read(asked.group(0))


def _by_words(state: _Narrowing, table: Table, unfiltered: list[TableRow], phases: re.Match | None,
              named: list[list[str]] = ()) -> None:
    """Remaining words that occur in some rows but not all act as filters ("ORR", "brain", "TLR7/8"); after
    "not"/"without"/"other than" they exclude the rows that have them, after "including" they add theirs (from
    ``unfiltered``). A row's 'MT inhibitor' is a microtubule inhibitor: the footnote's spelled-out words count as the
    row's."""
    row_texts = [row_text(table, r) for r in table.rows]
    row_words = [_norm_row(" ".join([text, *footnote_terms_in(table, text).values(), *payload_names_in(text)]))
                 for text in row_texts]
    including = INCLUDING_RE.search(state.lowered)
    last_end, before_last = -1, state.rows  # where the last filter word ended, and the rows before it narrowed them
    for match in re.finditer(r"[a-z0-9][a-z0-9/+\-–≥.]*[a-z0-9]|[a-z0-9]", state.lowered.replace("–", "-")):
        word = match.group(0)
        if "-" in word and not any(word in words for words in row_words) and all(
                any({part, light_stem(part), part.rstrip("s")} & words for words in row_words) or part in TABLE_WORDS
                for part in word.split("-") if part):
            # ('a microtubule-inhibitor payload': words the rows hold apart, the first names it; 'an auristatin-type
            # payload': the kind of payload, named by its first word)
            word = word.split("-")[0]
        if word in TABLE_WORDS or word.rstrip("s") in TABLE_WORDS or len(word) < 2 or word.isdigit():
            continue
        if phases and re.fullmatch(r"[ivx]+(?:/[ivx]+)*", word):
            continue  # 'phase 2 (incl. mixed phases like I/II)': the phase filter has it already
        forms = {word, light_stem(word), word.rstrip("s")}
        # ('an immune type payload (TLR something)': a code typed without its number names the row's 'TLR7/8')
        # (not 'NCTs', which every registered row's identifier starts with)
        code = word.isalpha() and len(word) >= 3 and word not in STOPWORDS and word.rstrip("s") != "nct"
        numbered = re.compile(rf"{re.escape(word)}\d") if code else None
        hits = [i for i, words in enumerate(row_words)
                if forms & words or (numbered is not None and any(numbered.match(w) for w in words))]
        if not hits or len(hits) == len(table.rows):
            continue
        keep = {id(table.rows[i]) for i in hits}
        if including is not None and match.start() > including.start() and state.filters:
            added = [r for r in unfiltered if id(r) in keep and r not in state.rows]
            state.rows = [r for r in unfiltered if r in state.rows or r in added]
            state.filters.append("or " + word)
            continue
        negated = _negated_at(state.lowered, match.start())
        if not negated and last_end >= 0 and re.fullmatch(r"\s*(?:or|/)\s*", state.lowered[last_end:match.start()]):
            # 'a topoisomerase or auristatin payload': either word's rows, not the rows holding both
            state.rows = [r for r in before_last if r in state.rows or id(r) in keep]
            state.filters[-1] += f" or {word}"
            last_end = match.end()
            continue
        if not negated and any(re.search(rf"(?<![\w\-]){re.escape(a.lower())}\s*(?:or|/)\s*{re.escape(word)}|"
                                         rf"(?<![\w\-]){re.escape(word)}\s*(?:or|/)\s*{re.escape(a.lower())}(?![\w\-])",
                                         state.asked) for aliases in named for a in aliases):
            # 'an auristatin or mmae type payload': the rows of the name (MMAE) or of the word
            state.rows = [r for r in unfiltered if r in state.rows or id(r) in keep]
            if state.filters:
                state.filters[-1] += f" or {word}"
            else:
                state.filters.append(word)
            continue
        narrowed = [r for r in state.rows if (id(r) in keep) != negated]
        if narrowed:
            before_last, last_end = state.rows, match.end()
            state.rows = narrowed
            state.filters.append(("not " if negated else "") + word)


def _negated_at(lowered: str, at: int) -> bool:
    """Is the word at ``at`` inside a negation's clause? A 'not' reaches to the next clause break only: in 'which adc
    isnt a cytotoxic payload - the tlr agonist one' the words after the dash describe the row asked."""
    start = max((m.start() for m in NEGATION_RE.finditer(lowered[:at])), default=-1)
    return start >= 0 and not CLAUSE_BREAK_RE.search(lowered[start:at])


def _names_no_row_holds(table: Table, query: Query) -> list[str]:
    """The specific names the question gives that neither the caption nor any row holds."""
    return [e for e in query.entities if not is_generic(e) and e not in query.common
            and not re.fullmatch(r"table\s*\d+|[IV]{1,3}", e, re.I)
            and e.lower().rstrip("s") not in TABLE_WORDS  # ('need NCTs': a column asked, not a row's name)
            and not mentions(table.caption, query.aliases.get(e, [e]))
            and not any(mentions(row_text(table, r), query.aliases.get(e, [e])) for r in table.rows)]


def payload_names_in(text: str) -> list[str]:
    """The spelled-out names of payload abbreviations a row prints without spelling them out ('MMAE' is monomethyl
    auristatin E): 'which adcs carry auristatin-type payloads' asks for those rows too."""
    return [name for short, name in PAYLOAD_ABBREVIATIONS.items() if re.search(rf"(?<![\w\-]){short}(?![\w\-])", text)]


def footnote_terms(table: Table) -> dict[str, str]:
    """The abbreviations a table's footnote spells out ('MT: microtubules.' → {'MT': 'microtubules'})."""
    return {k.strip(): v.strip().lower() for k, v in re.findall(r"([\w/\-]+):\s*([^.]+)\.", table.footnote)}


def footnote_terms_in(table: Table, text: str) -> dict[str, str]:
    """The footnote's abbreviations that ``text`` uses as words ('MT inhibitor' → {'MT': 'microtubules'})."""
    return {k: v for k, v in footnote_terms(table).items() if re.search(rf"(?<![\w/\-]){re.escape(k)}(?![\w/\-])", text)}

