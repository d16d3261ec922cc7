"""The answering steps in order: intent → plan → select → compose (→ verify, in the assistant).

Each intent has its own way of choosing evidence; all of them end in the same composer, so every
answer is a list of cited, verbatim points, and the verifier can check each one.
"""

from __future__ import annotations

import copy
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from ..citations import NCT_RE, strip_markers
from ..corpus import Corpus
from ..figures import has_figure
from ..query import Query, QueryAnalyzer, compact, light_stem, mentions, tokenize
from ..results import Answer, AnswerTable
from ..retrieval import Candidate, is_generic
from ..settings import Settings
from .compose import Composer, Pick, merge, points_from_text, render, with_antecedent
from .coverage import (ENDPOINTS, asked_endpoints, attribute_gap, content_words, off_topic, qualifier_gaps,
                       weakly_covered)
from .extractive import COMMON_CODES, DRUG_CODE_RE, DRUG_RE, TRIAL_RE, ExtractiveAnswerer, _join, asked_kind, retrieved_list
from .intent import ABOUT_REVIEW_RE, COMPARE_RE, classify, split_parts, without_instructions
from .passages import FRAME_WORDS, Sentence, SentenceIndex, informative, words_of
from .tables import TABLE_WORDS, TableAnswerer, row_text
from ..vocabulary import BRANDS, SYNONYMS

Retrieve = Callable[[Query], list[Candidate]]
ASPECTS = (
    ("Safety", re.compile(r"adverse|toxicit|diarrh|tolerab|safety|side effect|grade (?:3|III|three)|interstitial|"
                          r"fatal|transaminitis", re.I)),
    ("Results", re.compile(r"\bPFS\b|\bOS\b|\bORR\b|response|survival|hazard|improv|benefit|reduction|efficacy|"
                           r"\brate", re.I)),
    ("Design", re.compile(r"randomi|enrolled|includ|compared|phase|\barms?\b|received|single-group|designed|"
                          r"evaluat|assess", re.I)),
)
# The one aspect of a drug or trial asked on its own (the review's "Safety" wording and the user's).
FACET_RE = re.compile(r"adverse|\btoxic|side[\s-]?effects?|tolera|safety|\bAEs?\b|interstitial lung|\bILD\b|"
                      r"easier on|gentler|"
                      r"diarrh|transaminitis|hand[\s–-]foot", re.I)
EVENT_RE = re.compile(r"diarrh|transaminitis|hand[\s–-]foot|interstitial|pneumonitis|neutropeni|nausea|fatigue|"
                      r"cardiotox|hepatotox|\bgrade\b|fatal|hematolog|gastrointestinal|discontinu", re.I)
FIGURE_CUE = re.compile(r"\d")
DURATION_CUE = re.compile(r"\d\s*(?:months?|weeks?)\b.*(?:hazard ratio|\bHR\b|vs\.?)", re.I)
SURVIVAL_ENDPOINTS = ("OS", "PFS", "ORR", "DFS")
# "these results led to…", "based on these data": a sentence that takes its subject from before it.
POINTS_BACK_RE = re.compile(r"\b(?:these|those|such) (?:results?|data|findings|observations|outcomes)\b|"
                            r"\bbased on (?:these|this|such|those)\b", re.I)
RESULTS_ASKED_RE = re.compile(r"\b(?:results?|outcomes?|efficacy|benefit|beat|better|superior|improv\w*|"
                              r"show(?:ed|s)?|find|found|work(?:ed|s)?|read ?out|data)\b", re.I)
CLASS_NOUNS = {"drug", "drugs", "agent", "agents", "inhibitor", "inhibitors", "antibody", "antibodies", "adc", "adcs",
               "tki", "tkis", "therapy", "therapies", "compound", "compounds", "molecule", "molecules", "conjugate",
               "conjugates", "medication", "medications", "option", "options", "treatment", "treatments",
               "discussed", "mentioned", "named", "listed", "used", "tested", "described", "covered", "review"}
# "This truncated form of HER2…", "These drugs…": a subject named only in the sentence before.
DEMONSTRATIVE_RE = re.compile(r"(?:This|These|Such|That|Those)\s+(?:[\w\-]+\s+){0,2}?(?:forms?|proteins?|receptors?|"
                              r"drugs?|agents?|mutations?|alterations?|pathways?|mechanisms?|molecules?|compounds?|"
                              r"antibod(?:y|ies)|genes?|combinations?|approach(?:es)?|strateg(?:y|ies)|variants?|"
                              r"isoforms?|inhibitors?|TKIs?|ADCs?)\b")
TRIALS_ASKED_RE = re.compile(r"\b(?:trials?|studies)\b", re.I)
LIST_ENUM_RE = re.compile(r"(?:[\w\-/+()]+(?: [\w\-/+()]+){0,4}, ){2,}|\b\w+(?: \w+){0,3},? and \w+|\([^)]*,[^)]*\)")
NAME_LIMIT = 8


@dataclass
class Outcome:
    """What the pipeline produced for one question, before verification."""

    answer: Answer
    candidates: list[Candidate]
    considered: set[str] = field(default_factory=set)
    retrieve_s: float = 0.0  # time spent in retrieval (the rest is choosing and composing)


class AnswerPipeline:
    def __init__(self, settings: Settings, corpus: Corpus, analyzer: QueryAnalyzer, retrieve: Retrieve):
        self.settings = settings
        self.corpus = corpus
        self.analyzer = analyzer
        self.retrieve_query = retrieve
        self.extractive = ExtractiveAnswerer(settings, corpus)
        self.tables = TableAnswerer(corpus)
        self.sentences = SentenceIndex(corpus)
        self.composer = Composer(self.extractive.citation)
        self._trial_cache: dict[str, bool] = {}  # name → does the review call it a trial
        self._indexes: dict[str, dict] = {}  # built on first use, shared by the per-call copies

    def with_settings(self, settings: Settings, retrieve: Retrieve) -> "AnswerPipeline":
        clone = object.__new__(AnswerPipeline)
        clone.__dict__.update(self.__dict__)
        clone.settings = settings
        clone.retrieve_query = retrieve
        clone.extractive = ExtractiveAnswerer(settings, self.corpus)
        clone.composer = Composer(clone.extractive.citation)
        return clone

    # ---- entry point ------------------------------------------------------------------------
    def run(self, question: str, resolved: str, carried: list[str]) -> Outcome:
        """Answer one question. The pipeline is shared by concurrent users, so each call works on
        its own shallow copy (what it retrieved and considered is per call)."""
        call = copy.copy(self)
        call._considered, call._pool, call._retrieve_s = set(), [], 0.0
        outcome = call._run_call(question, resolved, carried)
        outcome.retrieve_s = call._retrieve_s
        return outcome

    def _run_call(self, question: str, resolved: str, carried: list[str]) -> Outcome:
        resolved, ignored = without_instructions(resolved)
        if not resolved or not re.search(r"[A-Za-z]{2}", resolved):
            answer = self._decline(Answer(question=question, answer=""),
                                   "That is an instruction, not a question about the review, so it is not followed.")
            return Outcome(answer, self._pool, self._considered)
        notice = f"Ignored text addressed to the assistant: “{' '.join(ignored)[:120]}”" if ignored else ""
        outcome = self._answer_question(question, resolved, carried)
        if notice:
            outcome.answer = outcome.answer.model_copy(update={"notice": notice})
        return outcome

    def _answer_question(self, question: str, resolved: str, carried: list[str]) -> Outcome:
        numbered = self._numbered_item(question, resolved)
        if numbered is not None:
            return Outcome(numbered, self._pool, self._considered)
        markers = [int(n) for n in re.findall(r"\[(\d+)\]", resolved)]
        resolved = re.sub(r"\s*\[\d+(?:\s*[,–-]\s*\d+)*\]", "", resolved).strip()  # pasted citation markers
        parts = split_parts(resolved)
        if len(parts) > 1 and not COMPARE_RE.search(resolved):
            answer = self._multi_part(question, parts, carried)
        else:
            # the reading, not the words typed: 'what about kadcyla?' after 'enhertu dose?' asks a dose
            answer = self._single(question, resolved, carried, classify(resolved))
        unknown = [n for n in markers if self.corpus.primary.reference(n) is None]
        if unknown:
            answer = answer.model_copy(update={"notice": f"The review has no reference [{unknown[0]}]; "
                                                         "the marker was ignored."})
        return Outcome(answer, self._pool, self._considered)

    def follow_ups(self, answer: Answer, limit: int = 3) -> list[str]:
        """Next questions drawn from the passages just cited: the trials and drugs they name that
        the question did not ('What did TH3RESA show?', 'Tell me about neratinib')."""
        if answer.abstained or not answer.citations:
            return []
        asked = (answer.question + " " + answer.read_as).lower()
        asked += " " + " ".join(BRANDS[w] for w in re.findall(r"[a-z]+", asked) if w in BRANDS).lower()
        names: list[tuple[str, str]] = []
        for citation in answer.citations:
            if citation.kind == "reference":
                continue
            for name in self.analyzer.entities_in(citation.text):
                if (name.lower() in asked or name not in citation.text or " " in name
                        or re.fullmatch(r"[IV]+|NCT\d+", name) or is_generic(name)
                        or self.analyzer.paragraph_share([name]) > 0.2
                        or any(name.lower() in n.lower() or n.lower() in name.lower() for n, _ in names)):
                    continue
                if DRUG_RE.fullmatch(name) or re.match(r"T-D", name):
                    names.append((name, f"Tell me about {name}"))
                elif TRIAL_RE.fullmatch(name) and self.is_trial(name):
                    names.append((name, f"What did {name} show?"))
        questions = [q for _, q in names[:limit]]
        if answer.intent in ("overview", "fact") and any(c.references for c in answer.citations):
            questions.append("Which paper does the review cite for this?")
        return questions[:limit]

    def _numbered_item(self, question: str, text: str) -> Answer | None:
        """'reference [24]', 'ref 84', 'Table 99': look the number up; one that does not exist is said
        to be missing instead of matched to whatever shares its digits."""
        doc = self.corpus.primary
        table = re.search(r"\btable\s*(\d+)\b", text, re.I)
        if table and not any(t.number == int(table.group(1)) for t in doc.tables):
            numbers = " and ".join(str(t.number) for t in doc.tables) or "none"
            return self._decline(Answer(question=question, answer="", intent="table", resolved_question=text),
                                 f"The review has no Table {int(table.group(1))}; its tables are {numbers}.")
        ref = re.search(r"\b(?:ref(?:erence)?s?|citation)\s*(?:no\.?|number|#)?\s*\[?(\d+)\]?", text, re.I)
        if ref is None:
            return None
        number = int(ref.group(1))
        base = Answer(question=question, answer="", intent="reference", resolved_question=text)
        entry = doc.reference(number)
        chunk = self.corpus.reference_chunk(doc.source, number)
        if entry is None or chunk is None:
            count = len(doc.references)
            return self._decline(base, f"The review's reference list runs from 1 to {count}; there is no reference {number}.")
        self._considered.add(chunk.id)
        return self.composer.compose(base, [Pick(chunk=chunk, text=chunk.text)], None, highlight_figures=False)

    def _query(self, text: str, carried: list[str], intent: str) -> tuple[Query, list[Candidate]]:
        query = self.analyzer.analyze(text, carried=list(carried))
        query.intent = intent
        if intent == "reference":
            query.wants_reference = True
        started = time.perf_counter()
        candidates = self.retrieve_query(query)
        self._retrieve_s += time.perf_counter() - started
        if not self._pool:
            self._pool = candidates
        self._considered.update(c.chunk.id for c in candidates[: max(self.settings.top_k, 10)])
        return query, candidates

    def _base(self, question: str, query: Query, candidates: list[Candidate], intent: str) -> Answer:
        return Answer(question=question, answer="", intent=intent, resolved_question=query.text,
                      retrieved=retrieved_list(candidates, max(self.settings.top_k, 10)))

    # ---- one question, by intent ---------------------------------------------------------------
    def _single(self, question: str, text: str, carried: list[str], intent: str) -> Answer:
        query, candidates = self._query(text, carried, intent)
        base = self._base(question, query, candidates, intent)
        if query.unknown:
            return self.extractive.answer(question, query, candidates).model_copy(update={"intent": intent})
        if not query.entities and not carried and not ABOUT_REVIEW_RE.search(text) and (
                off_topic(text, self.analyzer) or not content_words(text)) and self.sentences.find_section(text) is None:
            return self._decline(base, "The review does not cover this: it is about treating HER2-positive "
                                       "metastatic breast cancer that resists anti-HER2 therapy.")
        if intent != "table" and (listed := self._listed_only(base, query, text)) is not None:
            return listed
        if intent in ("fact", "compare") and (across := self._endpoint_across_trials(question, query)) is not None:
            return across
        if intent in ("fact", "list", "yesno", "overview", "definition"):
            answer = self._facet(base, query)
            if answer is not None:
                return answer
        handler = {
            "table": self._table, "list": self._list, "overview": self._overview, "compare": self._compare,
            "definition": self._definition,
        }.get(intent)
        if handler is not None:
            answer = handler(base, question, text, query, candidates, carried)
            if answer is not None:
                return answer
        answer = self._fact(base, question, query, candidates)
        if not answer.abstained and not self._specific(query) and weakly_covered(
                text, [c.text for c in answer.citations], self.analyzer):
            return self._decline(base, "The review does not say. Its nearest passages share too few of the "
                                       "question's words to answer it.")
        return answer

    def _fact(self, base: Answer, question: str, query: Query, candidates: list[Candidate]) -> Answer:
        answer = self.extractive.answer(question, query, candidates)
        answer = answer.model_copy(update={"intent": base.intent, "points": self._named_points(answer)})
        if answer.abstained:
            if "does not report" in answer.answer:
                return self._say_what_is_missing(base, answer, query, candidates)
            return answer
        if base.intent in ("why", "yesno") or query.carried:
            answer = self._with_neighbours(base, answer, query)
        answer = self._anchored(base, answer, query)
        answer = self._with_what_it_refers_to(base, answer, query)
        evidence = [c.text for c in answer.citations]
        specific = self._specific(query)
        nearby = [c.chunk.text for c in candidates[:5]
                  if not specific or any(mentions(c.chunk.text, query.aliases.get(e, [e])) for e in specific)]
        gaps = qualifier_gaps(query.text, [c.quote for c in answer.citations] + evidence + nearby)
        missing = attribute_gap(query.text, self.analyzer, evidence) if base.intent in ("fact", "yesno") else ""
        if missing and not gaps:
            gaps = [f"the {missing}"]
        if not gaps:
            return self._measure_covered(base, answer, query)
        if gaps:
            subject = _join([e for e in query.entities if not is_generic(e)][:2])
            where = f" for {subject}" if subject else ""
            said = " ".join(f"“{strip_markers(c.quote).strip()}”" for c in answer.citations[:1])
            return self._decline(base, f"The review does not report {_join(gaps)}{where}. What it says: {said}",
                                 missing=[f"{g}{where}" for g in gaps])
        return answer

    def _say_what_is_missing(self, base: Answer, declined: Answer, query: Query, candidates) -> Answer:
        """'The review does not report a median OS for NALA. What it says (§3.1.3): “However, no
        differences in OS were observed between arms.”' — the gap, named exactly, beside the nearest fact."""
        specific = self._specific(query)[:2]
        gaps = qualifier_gaps(query.text, [])
        if not gaps or not specific:
            return declined
        subject = _join(specific)
        measure_words = set(tokenize(" ".join(g.split(" ", 2)[-1] for g in gaps)))
        best = None
        for cand, unit in self.extractive._rank_units(query, self.extractive.pool(candidates))[:12]:
            text = unit.unit.text
            if any(mentions(text, query.aliases.get(e, [e])) for e in specific) or self.extractive._about(query, (cand, unit)):
                if measure_words & set(tokenize(text)):
                    best = (cand, unit)
                    break
        message = f"The review does not report {_join(gaps)} for {subject}."
        if best is not None:
            message += (f" What it says (§{best[0].chunk.section}): “{strip_markers(best[1].unit.text).strip()}”")
        return declined.model_copy(update={"answer": message, "missing": [f"{g} for {subject}" for g in gaps]})

    def _named_points(self, answer: Answer) -> list:
        """Points of a running-text answer, a leading pronoun given its antecedent from the sub-heading."""
        by_marker = {c.marker: c for c in answer.citations}
        points = []
        for point in points_from_text(answer):
            citation = by_marker.get(point.markers[0]) if point.markers else None
            chunk = self.corpus.by_id.get(citation.chunk_id) if citation else None
            if chunk is not None and chunk.subheading and len(chunk.subheading) <= 30:
                point = point.model_copy(update={"text": with_antecedent(point.text, chunk.subheading)})
            points.append(point)
        return points

    def _with_neighbours(self, base: Answer, answer: Answer, query: Query) -> Answer:
        """A cause or a yes/no settles in the sentences around the best ones ("It is highly selective…,
        which explains its favourable toxicity profile. Moreover, its small size…"): bring the next
        sentence, and the ones around that share the question's terms, from the same paragraph."""
        if not answer.citations or any(c.kind == "reference" for c in answer.citations):
            return answer
        terms = set(query.terms)
        by_marker = {c.marker: c for c in answer.citations}
        picks: list[Pick] = []
        anchors = 0
        for point in (answer.points or points_from_text(answer))[:3]:
            citation = by_marker.get(point.markers[0]) if point.markers else None
            if citation is None:
                continue
            sentence = self._sentence_of(citation.chunk_id, point.text)
            if sentence is None:
                picks.append(Pick(chunk=self.corpus.by_id[citation.chunk_id], text=point.text))
                continue
            anchors += 1
            for s in self.sentences.paragraph(sentence)[max(0, sentence.index - 2): sentence.index + 3]:
                shared = terms & set(tokenize(s.text))
                follows = s.index == sentence.index + 1 and (query.intent in ("why", "yesno") or re.match(
                    r"(?:Moreover|Furthermore|Additionally|However|Thus|Therefore|Consequently|This|These|It|Its|"
                    r"In these|Besides)\b", s.text))
                if s is sentence or len(shared) >= 2 or follows:
                    picks.append(Pick(chunk=self.sentences.chunk(s), text=s.text, start=s.start))
                    self._considered.add(s.chunk_id)
        if not anchors or len(picks) <= len(answer.points or [1]):
            return answer
        picks.sort(key=lambda p: (p.chunk.source, p.start if p.start is not None else p.chunk.start))
        return self.composer.compose(base, picks, query)

    def _with_what_it_refers_to(self, base: Answer, answer: Answer, query: Query) -> Answer:
        """'In 2013, these results led to FDA approval of T-DM1…' quoted alone hides which results:
        bring the sentences it points back to — those that name a trial or give figures, just before
        it (across the paragraph break when it opens a paragraph)."""
        if not answer.citations or answer.abstained or any(c.kind == "reference" for c in answer.citations):
            return answer
        by_marker = {c.marker: c for c in answer.citations}
        chosen: list[Sentence] = []
        for point in answer.points or points_from_text(answer):
            citation = by_marker.get(point.markers[0]) if point.markers else None
            sentence = self._sentence_of(citation.chunk_id, point.text) if citation else None
            if sentence is None:
                return answer  # a table row or a merged quote: leave the answer as it is
            chosen.append(sentence)
        starts = {s.start for s in chosen}
        added: list[Sentence] = []
        for sentence in chosen:
            if DEMONSTRATIVE_RE.match(sentence.text) and sentence.index > 0:
                previous = self.sentences.paragraph(sentence)[sentence.index - 1]
                if previous.start not in starts:  # "This truncated form of HER2…" needs what it is
                    added.append(previous)
                continue
            if not POINTS_BACK_RE.search(" ".join(sentence.text.split()[:9])):
                continue
            before = self._sentences_before(sentence)
            telling = [s for s in before if has_figure(strip_markers(s.text)) or TRIAL_RE.search(s.text)]
            if not telling or telling[-1].start in starts:
                continue  # nothing to point back to, or it is already there
            for s in reversed(before[-5:]):
                if has_figure(strip_markers(s.text)) or TRIAL_RE.search(s.text):
                    added.append(s)
                if len(added) >= 3:
                    break
        if not added:
            return answer
        everything = sorted({s.start: s for s in chosen + added}.values(), key=lambda s: s.start)
        self._considered.update(s.chunk_id for s in added)
        picks = [Pick(chunk=self.sentences.chunk(s), text=s.text, start=s.start) for s in everything]
        return self.composer.compose(base, picks, query)

    def _sentences_before(self, sentence: Sentence) -> list[Sentence]:
        """The sentences before this one in its paragraph, or in the previous paragraph of the same
        section when it opens its paragraph."""
        paragraph = self.sentences.paragraph(sentence)
        if sentence.index > 0:
            return paragraph[: sentence.index]
        previous = self.sentences.by_paragraph.get((sentence.source, sentence.paragraph - 1), [])
        return previous if previous and previous[0].section == sentence.section else []

    def _sentence_of(self, chunk_id: str, text: str) -> Sentence | None:
        chunk = self.corpus.by_id.get(chunk_id)
        if chunk is None or chunk.paragraph < 0:
            return None
        body = strip_markers(text).strip()
        # "[T-DXd] is uniquely designed…", "This TKI [lapatinib] inhibits…": the quote as printed
        body = re.sub(r"\s+", " ", re.sub(r"\[[^\]]*\]", " ", body)).strip()
        for s in self.sentences.by_paragraph.get((chunk.source, chunk.paragraph), []):
            plain = re.sub(r"\s+", " ", strip_markers(s.text)).strip()
            if plain == body or body in plain or body in s.text:
                return s
        return None

    def _decline(self, base: Answer, message: str, missing: list[str] | None = None) -> Answer:
        related = [r for r in base.retrieved if r.kind != "reference"][:3]
        return base.model_copy(update={"answer": message, "abstained": True, "related": related,
                                       "missing": missing or []})

    # ---- tables ---------------------------------------------------------------------------
    def _table(self, base, question, text, query, candidates, carried) -> Answer | None:
        match = self.tables.match(text, query)
        if match is None or not match.rows:
            return None
        table = match.table
        self._considered.update(c.id for c in match.chunks)
        picks = [Pick(chunk=c, text=c.text, group="") for c in match.chunks]
        shown = {c.id: "; ".join(f"{col}: {r.cells[col]}" for col in table.columns if r.cells.get(col))
                 for c, r in zip(match.chunks, match.rows)}
        what = "rows" if match.everything else f"rows matching {', '.join(match.filters)}"
        lead = f"Table {table.number} ({table.caption.rstrip('.')}): {len(match.rows)} {what}."
        column = self.tables.asked_column(table, text)
        if column:  # "what primary endpoints are used in table 2?" — the column's values, then the rows
            values = self.tables.column_values(table, match.rows, column)
            if values:
                listed = "; ".join(f"{v} — {n} row{'s' if n > 1 else ''}" for v, n in values)
                lead = f"{column} in Table {table.number} ({len(match.rows)} {what}): {listed}."
        answer = self.composer.compose(base, picks, query, lead=lead, highlight_figures=False)
        points = [p.model_copy(update={"text": shown.get(pick.chunk.id, p.text)}) for p, pick in zip(answer.points, picks)]
        answer = answer.model_copy(update={"points": points, "answer": render(lead, points)})
        rows = [[r.cells.get(col, "") or "–" for col in table.columns] for r in match.rows]
        markers = [p.markers[0] for p in answer.points]
        return answer.model_copy(update={"table": AnswerTable(title=f"Table {table.number}. {table.caption}",
                                                              columns=table.columns, rows=rows, markers=markers),
                                         "intent": "table"})

    # ---- lists ------------------------------------------------------------------------------
    def _list(self, base, question, text, query, candidates, carried) -> Answer | None:
        found = self.sentences.find_section(text, prefer_parents=True)
        specific = self._specific(query)
        if TRIALS_ASKED_RE.search(text) and (trials := self._named_trials(base, query, text, found, candidates)):
            return trials
        if found is not None and not specific:
            source, section = found
            children = self.sentences.children(self.corpus.document(source), section.key)
            if len(children) >= 2:
                return self._section_children(base, query, source, section, children)
        match = self.tables.match(text, query, require_table_word=not re.search(
            r"\b(?:trials?|adcs?|studies|phase|line)\b", text, re.I))
        if match is not None and match.rows and match.filters:
            return self._table(base, question, text, query, candidates, carried)
        if found is not None and not specific:
            return self._section_overview(base, query, *found)
        return self._enumeration(base, query, candidates)

    def _section_children(self, base, query, source, section, children) -> Answer | None:
        opening = [(child, found[0]) for child in children if (found := self.sentences.in_section(source, child.key))]
        if not opening:
            return None
        self._considered.update(first.chunk_id for _, first in opening)
        picks = [Pick(chunk=self.sentences.chunk(first), text=first.text, start=first.start) for _, first in opening]
        answer = self.composer.compose(base, picks, query, highlight_figures=False)
        points = [p.model_copy(update={"text": child.title, "highlights": []})
                  for p, (child, _) in zip(answer.points, opening)]
        heading = section.label if section.number else section.title
        lead = f"Section “{heading}” covers {len(points)} topics, each opening a subsection:"
        return answer.model_copy(update={"points": points, "lead": lead, "answer": render(lead, points)})

    def _enumeration(self, base, query, candidates) -> Answer | None:
        """Sentences that enumerate (commas, 'X, Y and Z', parenthesised lists) among the best."""
        ranked = self.extractive._rank_units(query, self.extractive.pool(candidates))
        if not ranked:
            return None
        enumerating = [(c, u) for c, u in ranked[:8] if enumerating_sentence(strip_markers(u.unit.text))]
        if drugs_named := self._named_drugs(base, query, ranked):
            return drugs_named if drugs_named.points else None
        if enumerating and enumerating[0][1].score >= 0.6 * ranked[0][1].score:
            ranked = [enumerating[0]] + [p for p in ranked if p is not enumerating[0]]
        best = ranked[0][1].score
        drugs_asked = re.search(r"\b(?:drugs?|agents?|inhibitors?|antibod|adcs?|tkis?|therap)", query.text, re.I)
        picks: list[Pick] = []
        for cand, unit in ranked:
            if len(picks) >= 3 or unit.score < 0.75 * best:
                break
            body = strip_markers(unit.unit.text)
            enumerates = enumerating_sentence(body) or (drugs_asked and DRUG_RE.search(body))
            if not picks or enumerates:
                picks.append(Pick(chunk=cand.chunk, text=unit.unit.text, start=unit.unit.start))
        if not picks:
            return None
        picks.sort(key=lambda p: (p.chunk.start, p.start or 0))
        return self.composer.compose(base, picks, query)

    def _named_trials(self, base: Answer, query: Query, text: str, found, candidates) -> Answer | None:
        """'which destiny-breast trials are mentioned?', 'which TKI trials does it discuss?': every
        trial of a name family, or of the section the question names, or of the best passages —
        text and tables — each with the first sentence or row that names it."""
        names = self._trial_index()
        words = [compact(w) for w in re.findall(r"[\w\-]+", text) if len(compact(w)) >= 4]
        family = next((w for w in words if sum(key.startswith(w) for key in names) >= 2 and w not in names), None)
        if family:
            chosen = {key: hit for key, hit in names.items() if key.startswith(family)}
        else:
            drugs = [e for e in self._specific(query) if DRUG_RE.fullmatch(e.split()[0]) or e.lower() in BRANDS
                     or re.match(r"T-D", e)]
            if found is not None:
                sentences = self.sentences.in_section(found[0], found[1].key)
            elif drugs:  # "which trials w/ kadcyla…": sentences naming it as what was tested, not as
                # a prior therapy or a resistance ("patients previously treated with … T-DM1")
                aliases = query.aliases.get(drugs[0], [drugs[0]])
                alias = "|".join(re.escape(a) for a in aliases)
                prior = re.compile(rf"\b(?:previous(?:ly)?|prior|pretreated|after|failure of|resistan\w*|including|"
                                   rf"refractory)\W+(?:[\w\-]+\W+){{0,8}}?(?:{alias})\b", re.I)
                sentences = [s for s in self.sentences.mentioning(aliases) if not prior.search(s.text)]
                # …and the sentences right after that go on about it ("its tolerability", "this drug")
                for s in list(sentences):
                    for nxt in self.sentences.paragraph(s)[s.index + 1: s.index + 3]:
                        if not re.search(r"\b(?:its|it|this (?:drug|agent|TKI|ADC))\b", nxt.text, re.I) or \
                                DRUG_RE.search(" ".join(nxt.text.split()[:5])):
                            break
                        sentences.append(nxt)
            else:
                ranked = self.extractive._rank_units(query, self.extractive.pool(candidates))
                paragraphs = list(dict.fromkeys((c.chunk.source, c.chunk.paragraph) for c, _ in ranked[:6]
                                                if c.chunk.kind in ("text", "abstract")))[:2]
                sentences = [s for key in paragraphs for s in self.sentences.by_paragraph.get(key, [])]
            starts = {s.start for s in sentences}
            asked = [a for e in query.entities for a in query.aliases.get(e, [e])]
            chosen = {key: hit for key, hit in names.items()
                      if any(p.start in starts for p in hit[1]) and not mentions(hit[0], asked)}
            chosen = {key: (name, [p for p in picks if p.start in starts][:1]) for key, (name, picks) in chosen.items()}
            # A trial the review gives only by its registry number ("a phase I trial in combination with
            # niraparib (NCT04235101)") is named by it, unless a trial name comes just before it.
            for s in sorted({s.start: s for s in sentences}.values(), key=lambda s: s.start):
                for match in NCT_RE.finditer(s.text):
                    before = s.text[max(0, match.start() - 60): match.start()]
                    if not any(compact(n) in names for n in TRIAL_RE.findall(before)) and compact(match.group(0)) not in chosen:
                        chosen[compact(match.group(0))] = (match.group(0), [Pick(chunk=self.sentences.chunk(s), text=s.text,
                                                                                 start=s.start)])
        if len(chosen) < 2:
            return None
        picks = []
        for name, hits in chosen.values():
            pick = hits[0]
            picks.append(Pick(chunk=pick.chunk, text=pick.text, start=pick.start, highlights=[name]))
            self._considered.add(pick.chunk.id)
        picks.sort(key=lambda p: (p.chunk.source, p.chunk.start, p.start or 0))
        listed = ", ".join(dict.fromkeys(p.highlights[0] for p in picks))
        return self.composer.compose(base, picks, query, lead=f"{len(chosen)} trials are named: {listed}.",
                                     highlight_figures=False)

    def _trial_index(self) -> dict[str, tuple[str, list[Pick]]]:
        """Every trial the review names (called a trial in its text, or listed in a table's trial
        column), by compact name → (name as printed, where it appears in reading order)."""
        if "trials" in self._indexes:
            return self._indexes["trials"]
        index: dict[str, tuple[str, list[Pick]]] = {}

        def add(name: str, pick: Pick) -> None:
            key = compact(name)
            printed, picks = index.get(key, (name, []))
            if "-" in name and "-" not in printed:
                printed = name  # 'DESTINY-Breast03' rather than the misprint 'DESTINYBreast03'
            index[key] = (printed, picks + [pick])

        for s in self.sentences.sentences:
            body = strip_markers(s.text)
            for name in dict.fromkeys(TRIAL_RE.findall(body) + re.findall(r"\b[A-Z][a-z]+[A-Z]{2,}\w*\b", body)):
                if not is_generic(name) and name.upper() not in COMMON_CODES and not name.upper().startswith("NCT") \
                        and self.analyzer.paragraph_share([name]) <= 0.2 and self.is_trial(name):
                    add(name, Pick(chunk=self.sentences.chunk(s), text=s.text, start=s.start))
        for source, table in self.tables.tables():
            columns = [c for c in table.columns if re.search(r"trial|identifier", c, re.I)]
            for row in table.rows:
                chunk = self.tables.chunk_of(source, table, row)
                for column in [c for c in columns if re.search(r"trial", c, re.I)][:1] or columns:
                    name = re.split(r"\s*\(", row.cells.get(column, ""))[0].strip()
                    if name and chunk is not None and not name.upper().startswith("NCT") and re.search(r"[A-Z]", name):
                        add(name, Pick(chunk=chunk, text=chunk.text, start=chunk.start))
        self._indexes["trials"] = index
        return index

    def _named_drugs(self, base: Answer, query: Query, ranked) -> Answer | None:
        """'Which PI3K inhibitors are mentioned?': every drug named in the best passages, each with
        the sentence that names it."""
        if not re.search(r"\b(?:drugs?|agents?|inhibitors?|antibodies|adcs|tkis|therapies|compounds|molecules|"
                         r"conjugates|medications|options)\b", query.text, re.I):
            return None
        asked = {a.lower() for e in query.entities for a in query.aliases.get(e, [e])}
        found = self.sentences.find_section(query.text)
        # "which bispecific molecules…": the few sentences using the qualifier word, wherever they are
        qualifiers = [w for w in content_words(query.text) if w not in CLASS_NOUNS and w not in FRAME_WORDS
                      and w not in TABLE_WORDS and not mentions(w, list(asked))]
        qualified = [s for w in qualifiers[:2] if 1 <= len(hits := [s for s in self.sentences.sentences
                                                                      if re.search(rf"\b{re.escape(w)}", s.text, re.I)]) <= 12
                     for s in hits]
        if found is not None:  # "PI3K/AKT/mTOR inhibitors" → every drug of §2.1
            pool = [(self.sentences.chunk(s), s.text, s.start) for s in self.sentences.in_section(*found[:1], found[1].key)]
        elif qualified:
            pool = [(self.sentences.chunk(s), s.text, s.start) for s in sorted(set(qualified), key=lambda s: s.start)]
        else:
            paragraphs = list(dict.fromkeys((c.chunk.source, c.chunk.paragraph) for c, _ in ranked[:6]
                                            if c.chunk.kind in ("text", "abstract")))[:2]
            pool = [(self.sentences.chunk(s), s.text, s.start) for key in paragraphs
                    for s in self.sentences.by_paragraph.get(key, [])]
        seen: dict[str, Pick] = {}
        for chunk, text, start in pool:
            body = strip_markers(text)
            # 'ZW25', 'SYD985' — not a code in brackets after its drug's name ('alpelisib (BYL719)')
            codes = [n for n in DRUG_CODE_RE.findall(body) if n.upper() not in COMMON_CODES and not n.upper().startswith(
                ("NCT", "IC", "CD")) and not (TRIAL_RE.fullmatch(n) and self.is_trial(n))
                and not re.search(rf"\w\s*\({re.escape(n)}\)", body)]
            for name in DRUG_RE.findall(body) + codes:
                lowered = name.lower()
                if lowered in asked or lowered in seen or self.analyzer.paragraph_share([name]) > 0.2:
                    continue
                seen[lowered] = Pick(chunk=chunk, text=text, start=start, highlights=[name])
                self._considered.add(chunk.id)
        if len(seen) < 2:
            return None
        picks = sorted(seen.values(), key=lambda p: (p.chunk.start, p.start or 0))
        return self.composer.compose(base, picks, query,
                                     lead=f"{len(seen)} agents are named: {', '.join(p.highlights[0] for p in picks)}.")

    # ---- overviews --------------------------------------------------------------------------
    def _overview(self, base, question, text, query, candidates, carried) -> Answer | None:
        specific = [e for e in self._specific(query) if e not in query.carried]
        found = self.sentences.find_section(text)
        if found is not None and (not specific or any(mentions(found[1].title, query.aliases.get(e, [e]))
                                                      for e in specific)):
            return self._section_overview(base, query, *found)
        if specific:
            answer = self._entity_overview(base, query, specific[0])
            if answer is not None:
                return self._results_reported(base, answer, text, specific[0])
            match = self.tables.match(text, query)
            if match is not None and match.rows:
                return self._table(base, question, text, query, candidates, carried)
        if query.carried:
            return None  # "what about brain mets?" after a trial: a focused question, answered as a fact
        if ABOUT_REVIEW_RE.search(text) and not specific:
            doc = self.corpus.primary
            abstract = doc.section("abstract/abstract")
            if abstract is not None:
                return self._section_overview(base, query, doc.source, abstract)
        return self._survey(base, query, candidates)

    def _results_reported(self, base: Answer, answer: Answer, text: str, entity: str) -> Answer:
        """'What were the results of TULIP?' when the review only names the trial: say so."""
        if not re.search(r"\b(?:results?|efficacy|outcomes?|data|findings|show|showed|find|found|benefit)\b", text, re.I):
            return answer
        if not self.is_trial(entity):
            return answer
        reported = re.compile(r"\d+(?:\.\d+)?\s*(?:%|months?|weeks?)|hazard ratio|\bimprov|\bsignificant|"
                              r"\bdemonstrat|\bshowed\b|\bbenefit|no (?:statistically )?(?:significant )?differences?",
                              re.I)
        if any(reported.search(p.text) for p in answer.points):
            return answer
        named = " ".join(f"“{p.text}”" for p in answer.points[:1])
        return self._decline(base, f"The review mentions {entity} but reports no results for it. What it says: {named}",
                             missing=[f"results of {entity}"])

    def _endpoint_across_trials(self, question: str, query: Query) -> Answer | None:
        """'kadcyla in EMILIA vs tukysa in HER2CLIMB, median pfs?': one endpoint asked of two or more
        trials is answered trial by trial, each under its own heading, then side by side."""
        endpoints = asked_endpoints(query.text)
        trials = list(dict.fromkeys(e for e in self._specific(query) if self.is_trial(e)))
        if not endpoints or len(trials) < 2 or not COMPARE_RE.search(query.text):
            return None
        qualifier = "median " if re.search(r"median", query.text, re.I) else ""
        parts = []
        for trial in trials[:3]:
            sub = f"{qualifier}{' and '.join(endpoints)} in {trial}?"
            parts.append((trial, self._single(question, sub, [], "fact")))
        if all(a.abstained for _, a in parts):
            return None
        base = self._base(question, query, self._pool, "compare")
        return merge(base, parts).model_copy(update={"intent": "compare"})

    def _listed_only(self, base: Answer, query: Query, text: str) -> Answer | None:
        """'DESTINY-Breast06 results — did enhertu beat chemo?': a trial the review only lists in a
        table of ongoing trials has no results in it. Say so, with the row it does give."""
        if not RESULTS_ASKED_RE.search(text):
            return None
        for entity in self._specific(query):
            aliases = query.aliases.get(entity, [entity])
            if self.sentences.mentioning(aliases):
                continue
            for source, table in self.tables.tables():
                rows = [r for r in table.rows if mentions(row_text(table, r), aliases)]
                if len(rows) != 1 or not re.search(r"ongoing|under development", table.caption, re.I):
                    continue
                row = rows[0]
                shown = "; ".join(f"{c}: {row.cells[c]}" for c in table.columns if row.cells.get(c))
                return self._decline(base, f"The review reports no results for {entity}: it only lists it in "
                                           f"Table {table.number} ({table.caption.rstrip('.')}) — {shown}.",
                                     missing=[f"results of {entity}"])
        return None

    def _facet(self, base, query: Query) -> Answer | None:
        """'side effects of tukysa?', 'lung toxicity with T-DXd in DESTINY-Breast03?': one aspect of a
        drug or trial. The review rarely repeats the question's words there ("diarrhea, transaminitis …
        were frequent"), so the answer is the aspect's sentences in the passages where the review
        describes that drug or trial, in reading order."""
        if not FACET_RE.search(query.text) or query.wants_number or asked_kind(query.text):
            return None  # a figure or "which trial…" is asked: the fact path checks for it exactly
        specific = self._specific(query)
        trials = [e for e in specific if self.is_trial(e)]
        entity = (trials or specific or [None])[0]
        if entity is None:
            return None
        facet = self._described(query, entity, FACET_RE)
        if not facet:
            return None
        # A sentence naming the aspect in passing ("its favourable toxicity profile") gives way to
        # the ones that report it, when both are there.
        reported = [s for s in facet if has_figure(strip_markers(s.text)) or EVENT_RE.search(s.text)]
        chosen = sorted(reported or facet, key=lambda s: s.start)[:4]
        if not chosen:
            return None
        picks = [Pick(chunk=self.sentences.chunk(s), text=s.text, start=s.start,
                      antecedent=self._antecedent(s, entity)) for s in chosen]
        self._considered.update(s.chunk_id for s in chosen)
        return self.composer.compose(base, picks, query)

    def _described(self, query: Query, entity: str, cue: re.Pattern) -> list[Sentence]:
        """The sentences matching ``cue`` where the review describes ``entity`` at length (not where
        it is named in a list of drugs), and only those that speak of it."""
        aliases = query.aliases.get(entity, [entity])
        hits = self.sentences.mentioning(aliases)
        keys = list(dict.fromkeys((h.source, h.paragraph) for h in hits))
        runs = [self._run(key, hits, aliases, entity, query, limit=2 * NAME_LIMIT) for key in keys]
        runs = [(run, [s for s in run if cue.search(s.text) and self._speaks_of(s, entity, aliases)]) for run in runs]
        runs = [(run, found) for run, found in runs if found]
        return max(runs, key=lambda r: len(r[0]))[1] if runs else []

    def _measure_covered(self, base: Answer, answer: Answer, query: Query) -> Answer:
        """'patricia OS results?', 'ILD rate in DESTINY-Breast04?': an endpoint asked of a drug or
        trial must be stated by the answer. If the chosen sentences do not state it, look where the
        review describes that drug or trial; if it is not there either, say so beside what it says."""
        asked = asked_endpoints(query.text)
        specific = self._specific(query)
        if not asked or not specific or answer.abstained or query.wants_reference or base.intent not in ("fact", "yesno"):
            return answer
        trials = [e for e in specific if self.is_trial(e)]
        entity = (trials or specific)[0]
        aliases = query.aliases.get(entity, [entity])
        # Only what is said of that drug or trial counts (EMILIA's OS is not KATHERINE's).
        hits = self.sentences.mentioning(aliases)
        about = {s.start for s in self._stretches(query, entity)}
        by_marker = {c.marker: c for c in answer.citations}
        kept: list[Sentence] = []
        for point in answer.points or points_from_text(answer):
            citation = by_marker.get(point.markers[0]) if point.markers else None
            sentence = self._sentence_of(citation.chunk_id, point.text) if citation else None
            if sentence is not None and (sentence.start in about or mentions(sentence.text, aliases)):
                kept.append(sentence)
        evidence = " ".join(s.text for s in kept)
        gaps = [name for name in asked if not ENDPOINTS[name].search(evidence)]
        # The review sometimes gives a trial's survival figures without naming the endpoint ("the
        # triple combination (8.3 months vs. 5.7 months; Hazard ratio, 0.67)"): a figure where it
        # describes the trial, naming no other endpoint, stands for the one asked.
        unnamed = [s for s in kept if DURATION_CUE.search(s.text)
                   and not any(ENDPOINTS[e].search(s.text) for e in SURVIVAL_ENDPOINTS)]
        gaps = [g for g in gaps if not (g in SURVIVAL_ENDPOINTS and unnamed)]
        if not gaps:
            return answer
        found = self._described(query, entity, ENDPOINTS[gaps[0]])
        if not found and gaps[0] in SURVIVAL_ENDPOINTS:
            found = [s for s in self._described(query, entity, DURATION_CUE)
                     if not any(ENDPOINTS[e].search(s.text) for e in SURVIVAL_ENDPOINTS)]
        if found:
            chosen = sorted({s.start: s for s in kept + found[:3]}.values(), key=lambda s: s.start)
            picks = [Pick(chunk=self.sentences.chunk(s), text=s.text, start=s.start,
                          antecedent=self._antecedent(s, entity)) for s in chosen]
            self._considered.update(s.chunk_id for s in chosen)
            return self.composer.compose(base, picks, query)
        first = [s.text for s in kept if mentions(s.text, aliases)][:1] or [s.text for s in hits[:1]]
        said = " ".join(f"“{strip_markers(q).strip()}”" for q in first)
        message = f"The review does not report {_join(gaps)} for {entity}." + (f" What it says: {said}" if said else "")
        return self._decline(base, message, missing=[f"{g} for {entity}" for g in gaps])

    def _stretches(self, query: Query, entity: str) -> list[Sentence]:
        """Every sentence in a stretch of text about the entity: from each mention until the text
        moves on to another drug or trial."""
        aliases = query.aliases.get(entity, [entity])
        hits = self.sentences.mentioning(aliases)
        found = {s.start: s for key in dict.fromkeys((h.source, h.paragraph) for h in hits)
                 for s in self._run(key, hits, aliases, entity, query, limit=2 * NAME_LIMIT)}
        return sorted(found.values(), key=lambda s: s.start)

    def _anchored(self, base: Answer, answer: Answer, query: Query) -> Answer:
        """'was the kadcyla benefit in emilia limited to HR+ patients?': the text about the trial asked
        of is searched for the sentences sharing most of the question's other words ("…regardless of
        the site of metastatic disease and HR status"); when one says more of them than every quoted
        sentence, it joins the answer (or replaces it, if nothing quoted is about that trial)."""
        trials = [e for e in self._specific(query) if self.is_trial(e) and e not in query.carried]
        if not trials and base.intent in ("why", "yesno"):  # "why would tykerb help…": the drug's own text
            trials = [e for e in self._specific(query) if e not in query.carried
                      and (DRUG_RE.fullmatch(e.split()[0]) or e.lower() in BRANDS or re.match(r"T-D", e))][:1]
        if answer.abstained or not trials or asked_kind(query.text) or any(c.kind == "reference" for c in answer.citations):
            return answer  # ("which other trials…" asks for different ones)
        entity = trials[0]
        aliases = query.aliases.get(entity, [entity])
        stretch = self._stretches(query, entity)
        starts = {s.start for s in stretch}
        # The drugs and trials named say nothing about which of the trial's sentences answers; a
        # status or marker asked of it ('HR+', 'PD-L1') does.
        subjects = [e for e in query.entities if self.is_trial(e) or DRUG_RE.fullmatch(e.split()[0])
                    or e.lower() in BRANDS or re.match(r"T-D", e)]
        names = set(tokenize(" ".join(a for e in subjects for a in query.aliases.get(e, [e]))))
        said_as = " ".join(v for k, v in SYNONYMS.items() if re.search(rf"\b{k}", query.text, re.I))  # 'before' → 'prior'
        words = {light_stem(w.rstrip("+−-")) for w in tokenize(f"{query.text} {said_as}")} - {
            light_stem(w) for w in names} - {light_stem(w) for w in FRAME_WORDS}

        def said(text: str) -> int:
            return len(words & {light_stem(w) for w in tokenize(text)})

        by_marker = {c.marker: c for c in answer.citations}
        quoted: list[Sentence] = []
        for point in answer.points or points_from_text(answer):
            citation = by_marker.get(point.markers[0]) if point.markers else None
            if citation is None or citation.kind in ("table_row", "table", "reference"):
                if citation is not None and mentions(citation.quote, aliases):
                    return answer  # a row or entry about the trial itself
                continue
            sentence = self._sentence_of(citation.chunk_id, point.text)
            if sentence is None:
                return answer  # a quote this step cannot place: leave the answer as it is
            quoted.append(sentence)
        on_subject = [s for s in quoted if s.start in starts or mentions(s.text, aliases)]
        best = max((said(s.text) for s in stretch), default=0)
        if best < 1 or best <= max((said(s.text) for s in on_subject), default=0):
            return answer
        chosen = [s for s in stretch if said(s.text) == best and s.start not in {q.start for q in quoted}][:2]
        kept = on_subject if on_subject else []
        everything = sorted({s.start: s for s in kept + chosen}.values(), key=lambda s: s.start)
        self._considered.update(s.chunk_id for s in chosen)
        picks = [Pick(chunk=self.sentences.chunk(s), text=s.text, start=s.start,
                      antecedent=self._antecedent(s, entity)) for s in everything]
        return self.composer.compose(base, picks, query)

    def _speaks_of(self, sentence: Sentence, entity: str, aliases: list[str]) -> bool:
        """Is the entity what this stretch of the paragraph is about? The topic is the last drug or
        trial named at the start of a sentence up to here; a trial's stretch speaks of the drug it
        treated patients with ("…were treated with T-DXd"), not of the ones they had before."""
        paragraph = self.sentences.paragraph(sentence)
        stretches: list[tuple[str, list[str]]] = []  # (topic, its sentences), in reading order
        for s in paragraph[: sentence.index + 1]:
            opening = " ".join(s.text.split()[:6])
            trials = TRIAL_RE.findall(opening) + re.findall(r"\b[A-Z][a-z]+[A-Z]{2,}\w*\b", opening)  # MonarcHER
            names = [m.group(0) for m in DRUG_RE.finditer(opening)] + re.findall(r"\bT-D\w+", opening) + [
                n for n in trials if not is_generic(n) and self.analyzer.paragraph_share([n]) <= 0.2]
            if names:
                stretches.append((names[-1], []))
            if stretches:
                stretches[-1][1].append(s.text)
        if not stretches:
            return False

        def same(name: str, names: list[str]) -> bool:
            return mentions(name, names) or any(mentions(n, [name]) for n in names)

        topic, since = stretches[-1]
        if same(topic, aliases):
            return True
        if self.is_trial(topic):  # "…were treated with T-DXd": the trial's stretch speaks of its drug
            alias = "|".join(re.escape(a) for a in aliases)
            return bool(re.search(rf"\b(?:treated with|receiv\w*|given|arm of|in the)\s+(?:\w+\s+){{0,2}}(?:{alias})\b",
                                  " ".join(since), re.I))
        # A trial stays the topic through its arms and drugs ("In the tucatinib arm, …", "Herein,
        # abemaciclib plus trastuzumab …") until another trial is introduced.
        trials = [t for t, _ in stretches if self.is_trial(t)]
        return bool(trials) and same(trials[-1], aliases)

    def _entity_overview(self, base, query: Query, entity: str, group: bool = True) -> Answer | None:
        aliases = query.aliases.get(entity, [entity])
        section = next((s for d in self.corpus.documents for s in d.sections
                        if s.kind in ("subheading", "body") and mentions(s.title, aliases)
                        and len(s.title) <= len(entity) + 12), None)
        if section is not None:
            source = next(d.source for d in self.corpus.documents if section in d.sections)
            return self._section_overview(base, query, source, section)
        hits = self.sentences.mentioning(aliases)
        if not hits:
            return None
        counts = Counter((s.source, s.paragraph) for s in hits)
        # The home paragraph is where the text dwells on the entity longest, not merely names it.
        runs = {key: self._run(key, hits, aliases, entity, query) for key in counts}
        # …and where it is the subject ("Another phase III trial, TH3RESA, demonstrated…"), not a
        # name at the end of a sentence about something else ("…consistent with MARIANNE and TH3RESA").
        def introduced(key) -> bool:
            return any(mentions(" ".join(s.text.split()[:7]), aliases) for s in runs[key])
        home = max(runs, key=lambda k: (introduced(k), len(runs[k]), counts[k], -k[1]))
        run = runs[home]
        elsewhere = [s for s in hits if (s.source, s.paragraph) != home][:2]
        chosen = sorted(run + elsewhere, key=lambda s: s.start)
        picks = [Pick(chunk=self.sentences.chunk(s), text=s.text, start=s.start,
                      antecedent=self._antecedent(s, entity)) for s in chosen]
        self._considered.update(s.chunk_id for s in chosen)
        if group and self.is_trial(entity):
            _group_by_aspect(picks)
        return self.composer.compose(base, picks, query)

    def _run(self, key, hits: list[Sentence], aliases: list[str], entity: str, query: Query,
             limit: int = NAME_LIMIT) -> list[Sentence]:
        """From the paragraph's first mention of the entity until the text moves on to another one."""
        paragraph = self.sentences.by_paragraph[key]
        first = min(s.index for s in hits if (s.source, s.paragraph) == key)
        run: list[Sentence] = []
        for sentence in paragraph[first:]:
            if run and not mentions(sentence.text, aliases) and self._moves_on(sentence.text, entity, query):
                break
            run.append(sentence)
            if len(run) >= limit:
                break
        return run

    def is_trial(self, name: str) -> bool:
        """Does the review call this name a trial or study ('the NALA phase III trial', 'study, MonarcHER')?"""
        if name not in self._trial_cache:
            self._trial_cache[name] = self._called_a_trial(name)
        return self._trial_cache[name]

    def _called_a_trial(self, name: str) -> bool:
        if DRUG_RE.fullmatch(name.split()[0]) or re.match(r"T-D", name):
            return False
        cue = re.compile(rf"(?:trials?|study|studies)\W+(?:\w+\W+){{0,2}}{re.escape(name)}|"
                         rf"{re.escape(name)}\W+(?:\w+\W+){{0,3}}(?:trials?|study)\b", re.I)
        return any(cue.search(s.text) for s in self.sentences.mentioning([name])[:12])

    def _moves_on(self, text: str, entity: str, query: Query) -> bool:
        """Has the text moved on to another trial (when a trial is described) or drug?"""
        if self.is_trial(entity):
            others = [n for n in TRIAL_RE.findall(text) + re.findall(r"\b[A-Z][a-z]+[A-Z]{2,}\w*\b", text)
                      if not is_generic(n) and not mentions(n, query.aliases.get(entity, [entity]))
                      and not mentions(entity, [n]) and self.analyzer.paragraph_share([n]) <= 0.2
                      and not n.upper().startswith("NCT") and self.is_trial(n)]
            return bool(others)
        opening = " ".join(text.split()[:5])
        return bool([m for m in DRUG_RE.findall(opening) if not mentions(m, query.aliases.get(entity, [entity]))
                     and self.analyzer.paragraph_share([m]) <= 0.2])

    def _antecedent(self, sentence: Sentence, entity: str) -> str:
        doc = self.corpus.document(sentence.source)
        heading = doc.section(sentence.section)
        if heading is not None and heading.kind == "subheading" and len(heading.title) <= 30:
            return heading.title
        return entity if DRUG_RE.fullmatch(entity.split()[0]) or re.match(r"T-D", entity) else ""

    def _section_overview(self, base, query: Query, source: str, section) -> Answer:
        """Key sentences of a section in reading order: all of a short one; of a long one with
        subsections, the two most informative of each subsection."""
        doc = self.corpus.document(source)
        sentences = self.sentences.in_section(source, section.key)
        listing = query.intent == "list"
        children = self.sentences.children(doc, section.key)

        def best(pool: list[Sentence], limit: int) -> list[Sentence]:
            ranked = sorted(pool, key=lambda s: (-informative(s, s.index == 0, listing), s.start))
            return ranked[:limit]

        if len(sentences) <= 14:
            chosen = sentences
        elif len(children) >= 2:
            chosen = [s for child in children for s in best(self.sentences.in_section(source, child.key), 2)]
            own = [s for s in sentences if s.section == section.key]
            chosen += best(own, 2)
        else:
            chosen = best(sentences, 12)
        chosen = sorted(set(chosen), key=lambda s: s.start)
        picks = []
        for s in chosen:
            heading = doc.section(s.section)
            group = heading.title if heading is not None and heading.key != section.key and len(
                {x.section for x in chosen}) > 1 else ""
            antecedent = heading.title if heading is not None and heading.kind == "subheading" else ""
            picks.append(Pick(chunk=self.sentences.chunk(s), text=s.text, start=s.start, group=group,
                              antecedent=antecedent))
        self._considered.update(s.chunk_id for s in chosen)
        label = section.label if section.number else section.title
        return self.composer.compose(base, picks, query, lead=f"From “{label}”:")

    def _survey(self, base, query: Query, candidates: list[Candidate]) -> Answer | None:
        """An open topic ('any data on CNS disease?'): the best sentence of each of the strongest passages."""
        ranked = self.extractive._rank_units(query, self.extractive.pool(candidates))
        if not ranked:
            return None
        best = ranked[0][1].score
        picks: list[Pick] = []
        chunks: set[str] = set()
        for cand, unit in ranked:
            if len(picks) >= 5 or unit.score < 0.7 * best:
                break
            if cand.chunk.id in chunks:
                continue
            chunks.add(cand.chunk.id)
            picks.append(Pick(chunk=cand.chunk, text=unit.unit.text, start=unit.unit.start))
        return self.composer.compose(base, picks, query)

    # ---- definitions ------------------------------------------------------------------------
    def _definition(self, base, question, text, query, candidates, carried) -> Answer | None:
        """'What is PRS-343?': the sentence where the review says what it is ('X, a …, is …',
        'X is a …', 'long name (X) is …'), and the one after it."""
        specific = [e for e in self._specific(query) if e not in query.carried]
        if not specific:  # 'what is HER2 exactly': a name on every page is still defined somewhere
            specific = [e for e in query.entities if e not in query.carried and not re.fullmatch(r"table\s*\d*", e, re.I)]
        if specific:  # 'ADC' and 'antibody-drug conjugate' are one thing asked
            same = {a.lower() for a in query.aliases.get(specific[0], [specific[0]])}
            specific = [specific[0]] + [e for e in specific[1:] if e.lower() not in same]
        if len(specific) != 1:
            return None
        aliases = query.aliases.get(specific[0], [specific[0]])
        names = "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
        # 'X, a …', 'X (Y) protein is a …', 'ADCs are …', '… class of therapies is tyrosine kinase inhibitors (TKI)'
        defining = re.compile(
            rf"(?:^|\b|\()(?:{names})s?\)?(?:\s*\([^)]{{1,40}}\))?"
            rf"(?:\s+(?:protein|gene|receptor|molecule|drug|agent|antibody|inhibitor|trial|study))?"
            rf"(?:,\s+(?:an?|the)\s|\s+(?:is|was)\s+(?:an?|the|one)\b|\s+are\s+(?:an?\s+|the\s+)?(?:[\w\-]+\s+){{0,2}}(?:molecules?|drugs?|agents?|proteins?|receptors?|inhibitors?|"
            rf"antibod\w+|class\w*|famil\w+|compounds?|therap\w+|conjugates?|enzymes?|kinases?)\b|\s+(?:refers to|consists of|encodes)\b)"
            rf"|\b(?:class|type|family|group) of [\w\- ]{{1,40}}? (?:is|are)\s+(?:[\w\-]+\s+){{0,4}}\((?:{names})s?\)", re.I)
        for sentence in self.sentences.mentioning(aliases + [f"{a}s" for a in aliases]):
            head = strip_markers(sentence.text)[:len(sentence.text) // 2 + 40]
            if defining.search(head):
                paragraph = self.sentences.paragraph(sentence)
                chosen = [sentence] + [s for s in paragraph[sentence.index + 1: sentence.index + 2]]
                self._considered.update(s.chunk_id for s in chosen)
                # a brand typed ('enhertu') is quoted as the review names it ('[T-DXd] is …')
                named = min((a for a in aliases if a.lower() not in BRANDS), key=len, default=specific[0])
                picks = [Pick(chunk=self.sentences.chunk(s), text=s.text, start=s.start, antecedent=named)
                         for s in chosen]
                return self.composer.compose(base, picks, query)
        return None

    # ---- comparisons ------------------------------------------------------------------------
    def _compare(self, base, question, text, query, candidates, carried) -> Answer | None:
        sides = self._sides(text, query)
        if len(sides) < 2:
            return None
        aspect = self._aspect_words(text, query, sides)
        parts = []
        for side in sides:
            side_query, side_candidates = self._query(f"{aspect} {side}".strip(), [], "fact")
            side_base = self._base(question, side_query, side_candidates, "fact")
            # "nerlynx vs tukysa side effects": each side's safety where the review describes it
            overview = self._facet(side_base, side_query) if aspect and FACET_RE.search(aspect) else None
            if overview is None and aspect:
                overview = self._aspect_sentences(side_base, side_query, side, aspect)
            if overview is None:
                overview = self._entity_overview(side_base, side_query, side, group=False)
                if overview is not None:
                    overview = self._focus(overview, aspect, limit=4)
            if overview is not None and overview.points:
                answer = overview
            else:
                answer = self._fact(side_base, question, side_query, side_candidates)
            parts.append((side, answer))
        merged = merge(base, parts)
        return merged.model_copy(update={"intent": "compare"})

    def _aspect_sentences(self, base, query: Query, side: str, aspect: str, limit: int = 3) -> Answer | None:
        """Sentences naming one side of a comparison that speak to the compared aspect."""
        terms = set(tokenize(aspect)) | set(tokenize(" ".join(v for k, v in SYNONYMS.items() if re.search(k, aspect, re.I))))
        # Names the whole review repeats (HER2, trastuzumab) say nothing about the compared aspect.
        terms = {t for t in terms if self.analyzer.paragraph_share([t]) <= 0.2 and not is_generic(t)}
        if not terms:
            return None
        scored = []
        for s in self.sentences.mentioning(query.aliases.get(side, [side]))[:60]:
            overlap = len(terms & set(tokenize(s.text)))
            if overlap:
                scored.append((overlap, -s.start, s))
        if not scored:
            return None
        chosen = sorted((s for _, _, s in sorted(scored, key=lambda t: (-t[0], -t[1]))[:limit]), key=lambda s: s.start)
        self._considered.update(s.chunk_id for s in chosen)
        picks = [Pick(chunk=self.sentences.chunk(s), text=s.text, start=s.start, antecedent=self._antecedent(s, side))
                 for s in chosen]
        return self.composer.compose(base, picks, query)

    def _focus(self, answer: Answer, aspect: str, limit: int) -> Answer:
        """The points of an overview that speak to the compared aspect (all, if none does), in order."""
        terms = set(tokenize(aspect))
        scored = [(len(terms & set(tokenize(p.text))), -i, p) for i, p in enumerate(answer.points)]
        keep = sorted(scored, key=lambda t: (-t[0], -t[1]))[:limit]
        points = [p for _, _, p in sorted(keep, key=lambda t: -t[1])]
        used = {m for p in points for m in p.markers}
        return answer.model_copy(update={"points": points, "lead": "",
                                         "citations": [c for c in answer.citations if c.marker in used]})

    def _sides(self, text: str, query: Query) -> list[str]:
        specific = [e for e in query.entities if not is_generic(e)]
        if len(specific) < 2:
            return []
        split = re.split(r"\b(?:vs\.?|versus|v\.|compared? (?:to|with)|or|and)\b", text, flags=re.I)
        sides = []
        for chunk in split:
            named = [e for e in specific if mentions(chunk, query.aliases.get(e, [e])) or e.lower() in chunk.lower()]
            if named and named[-1] not in sides:
                sides.append(named[-1] if not sides else named[0])
        return sides[:3] if len(sides) >= 2 else specific[:2]

    def _aspect_words(self, text: str, query: Query, sides: list[str]) -> str:
        rest = text
        for side in sides:
            for alias in query.aliases.get(side, [side]):
                rest = re.sub(re.escape(alias), " ", rest, flags=re.I)
        rest = COMPARE_RE.sub(" ", rest)
        words = [w for w in re.findall(r"[\w\-/+]+", rest)
                 if w.lower() not in FRAME_WORDS and w.lower() not in {"or", "and", "with", "between", "how", "they",
                                                                      "them", "their", "each", "did", "differ", "do"}
                 and words_of(w)]
        return " ".join(words)

    # ---- several questions in one ------------------------------------------------------------
    def _multi_part(self, question: str, parts: list[str], carried: list[str]) -> Answer:
        answers = []
        subject: list[str] = list(carried)
        for part in parts:
            own = [e for e in self.analyzer.entities_in(part) if self.analyzer.known(e)]
            context = ", ".join(subject[:2]) if subject else (parts[0] if part is not parts[0] else "")
            text = part if own or not context else f"{part.rstrip(' ?')} ({context})?"
            answer = self._single(question, text, [] if own else subject, classify(part))
            if own:
                subject = own
            answers.append((part.rstrip("?") + "?", answer))
        first_query = self.analyzer.analyze(parts[0])
        base = self._base(question, first_query, self._pool, "multi")
        return merge(base, answers).model_copy(update={"intent": "multi"})

    def _specific(self, query: Query) -> list[str]:
        return [e for e in query.entities if not is_generic(e) and e not in query.common
                and not re.fullmatch(r"table\s*\d*", e, re.I)
                and not re.fullmatch(r"[IVX]+[ab]?(?:/[IVX]+[ab]?)?", e)]  # a phase ('III', 'I/Ib'), not a name


def enumerating_sentence(text: str) -> bool:
    """'…, …, and …', a colon before a list, or a parenthesised list."""
    return text.count(",") >= 2 or bool(LIST_ENUM_RE.search(text)) or bool(re.search(r":\s+\w[^.]*,", text))


def _group_by_aspect(picks: list[Pick]) -> None:
    """Design / Results / Safety headings when the sentences fall under at least two of them."""
    for pick in picks:
        text = pick.text
        for name, cue in ASPECTS:
            if cue.search(text) and (name != "Results" or has_figure(strip_markers(text)) or "differen" in text):
                pick.group = name
                break
        else:
            pick.group = "Context"
    if len({p.group for p in picks}) < 2:
        for pick in picks:
            pick.group = ""
        return
    order = {"Design": 0, "Results": 1, "Safety": 2, "Context": 3}
    picks.sort(key=lambda p: (order[p.group], p.chunk.start, p.start or 0))
