"""Definitions: 'what is PRS-343?', 'define src', 'what do TKIs do?', 'what is a biparatopic ADC?'.

The review defines a term where it says what it is ('X, a …, is …', 'X is a …', 'long name (X) is …');
a term no sentence defines is answered where the review first names it whole.
"""

from __future__ import annotations

import difflib
import re

from ..citations import strip_markers
from ..query import Query, light_stem, mentions, tokenize
from ..results import Answer
from ..retrieval import REVIEW_SUBJECT, is_generic
from ..vocabulary import ABBREVIATIONS, BRANDS, CHAT_WORDS
from .extractive import DRUG_CODE_RE, asked_measures
from .intent import COPULA_ADVERB
from .passages import Sentence

# "define src", "whats a liquid biopsy", "what is bystander killing with ADCs" → the term defined
DEFINED_TERM_RE = re.compile(r"^(?:define|(?:the )?meaning of|what(?:[’']s| is|s) meant by|what means|"
                             # ('what's the ihc definition of her2 3+': the term defined, in whose terms)
                             r"what(?:[’']s| is|s) the (?:[\w\-]+\s+)?definition of|"
                             rf"what(?:\s+{COPULA_ADVERB})?(?:[’']s| is| are|s)|what (?:do|does)|"
                             r"what (?:counts|qualifies|is considered|is classed|is classified) as)\s+(?:an?\s+|the\s+)?(?P<term>[a-z][\w\-/+ ]{1,60}?|\d\+[\w\-/+ ]{0,60}?)"
                             r"(?:\s+(?:(?:actually|really|basically|even)\s+)?(?:mean|stand for|do|with|in|inside|within|for|on|"
                             r"exactly)\b.*|"
                             # ('define intratumoral her2 heterogeneity, how common is it': a second ask after a comma)
                             # (or after a dash: 'define intratumoral her2 heterogeneity - how common is it')
                             r"(?:\s*[,;]|\s+[-–—])\s+(?:and\s+)?(?:how|what|which|when|where|who|why|is|are|does|do|any)\b.*)?"
                             r"[?.!\s]*$", re.I)  # keeps '3+'; ('what does 3+ actually mean')


# "HER2 3+ (intense)": one word in brackets glossing the term asked (the words of context a follow-up's reading adds
# in brackets, "… to PATRICIA (cdk drug)?", are mostly more than one)
GLOSS_RE = re.compile(r"(?<=[\w+])\s*\(\s*[\w\-/+.]+\s*\)")
DEFINED_AS_RE = re.compile(r"\b(?:(?:is|are|was|were) (?:defined|known|referred to|termed|described) as|refers? to|"
                           r"(?:is|are) called)\b", re.I)


# "what does MMAE stand for", "what's DUBA short for": an abbreviation's long form asked
STANDS_FOR_RE = re.compile(r"^\W*(?:what (?:does|do) (?:the )?(?P<abbr>[A-Za-z][\w\-/]{1,9}) (?:actually |even )?stands? for|"
                           r"what(?:[’']s| is|s) (?:the )?(?P<short>[A-Za-z][\w\-/]{1,9}) (?:short for|an? (?:abbreviation|acronym) (?:for|of))|"
                           r"what (?:is|'s) the (?:full (?:name|form)|long form) of (?:the )?(?P<full>[A-Za-z][\w\-/]{1,9}))\W*$", re.I)

# A sentence opening on a pronoun leans on the one before it for what the pronoun is
PRONOUN_OPENING = r"(?:It|Its|This|These|They|Their)\b"
# 'what does 1+ mean': an IHC score typed as the term
SCORE_RE = re.compile(r"\d\+")

# Words of a definition question's frame, not of the term: 'what is an adc made of', 'x exactly'
TERM_FRAME_WORDS = {"made", "composed", "consist", "consists", "built", "exactly", "really", "basically",
                    "actually", "meaning", "mean", "context", "setting", "work", "works"}


class DefinitionPlans:
    """Mixin of :class:`AnswerPipeline`: the definition plan."""

    def _definition(self, base, question, text, query, candidates, carried) -> Answer | None:
        """'What is PRS-343?': the sentence where the review says what it is ('X, a …, is …',
        'X is a …', 'long name (X) is …'), and the one after it."""
        if (unspelled := self._not_spelled_out(base, text)) is not None:
            return unspelled
        if (named := DEFINED_TERM_RE.match(text.strip())) and (one := self._one_name_the_review_knows(named.group("term"))):
            # 'what is zanidatamab / zw25': two names typed for one thing, of which the review knows one
            text = f"{text[:named.start('term')]}{one}{text[named.end('term'):]}"
            query, candidates = self._query(text, carried, "definition")
        specific = [e for e in self._specific(query) if e not in query.carried]
        if not specific:  # 'what is HER2 exactly': a name on every page is still defined somewhere
            specific = [e for e in query.entities if e not in query.carried and not re.fullmatch(r"table\s*\d*", e, re.I)]
        if specific:  # 'ADC' and 'antibody-drug conjugate' are one thing asked
            same = {a.lower() for a in query.aliases.get(specific[0], [specific[0]])}
            specific = [specific[0]] + [e for e in specific[1:] if e.lower() not in same]
        terms, within = [], []
        # ('what does HER2 3+ (intense) mean by ihc?': a gloss in brackets repeats the term, it is no part of it)
        if (found := DEFINED_TERM_RE.match(GLOSS_RE.sub("", text.strip()))) is not None:
            # ('what is an adc anyway': a word of chat after the term is no part of it)
            term = re.sub(r"(?:\s+(?:" + "|".join(sorted(CHAT_WORDS)) + r"))+\s*$", "", found.group("term").strip(), flags=re.I) \
                or found.group("term").strip()
            if asked_measures(term) and _term_before_of(term):
                # 'whats the dosing schedule of T-DXd': a measure of a name (its dose, how often it is given)
                # is a figure to find, not a term to define
                return self._fact(base.model_copy(update={"intent": "fact"}), question, query, candidates)
            if (unprinted := self._unprinted_attribute(term)):
                # 'what is the half-life of enhertu': a property of the name asked, which the review never
                # gives — not the name's definition
                return self._decline(base, f"The review does not mention “{unprinted}”.", missing=[unprinted])
            if not query.entities and not self._named_together(term):
                # 'what is oncogene addiction': no sentence holds the term's words, so nothing defines it
                typed = DEFINED_TERM_RE.match(question.strip())  # the user's words, not the spelling fixed
                shown = typed.group("term").strip() if typed else term
                return self._decline(base, f"The review does not mention “{shown}”.", missing=[shown])
            # 'define src', 'whats bystander killing with adcs': the term asked, before any name in it
            if not specific or not any(mentions(term, query.aliases.get(e, [e])) for e in specific):
                terms.append((term, _term_forms(term)))
            elif len(specific) == 1 and _kind_of(term, query.aliases.get(specific[0], [specific[0]])):
                # 'what is a biparatopic ADC': a kind of the name, asked before the name itself
                terms.append((term, _term_forms(term)))
            elif (head := _term_before_of(term)):
                # 'the bystander killing effect of ADCs': the effect is asked, in ADCs
                terms.append((head, _term_forms(head)))
                # 'the drug-to-antibody ratio of kadcyla': a property of one drug, told where that drug is named
                within = [a for e in specific if not is_generic(e) and mentions(term, query.aliases.get(e, [e]))
                          for a in query.aliases.get(e, [e])]
                if within and head.lower() in self.analyzer.reverse:
                    # a named measure of one drug (its DAR) is a figure to find, not a term to define
                    return self._fact(base.model_copy(update={"intent": "fact"}), question, query, candidates)
            # 'meaning of intratumoral her2 heterogeneity': the whole term, where the review says what it is
            # ('what does 3+ mean on her2 ihc': a score alone is no term; the test it is read on, after it, says which)
            context = found.string[found.end("term"):] if re.search(r"\d", term) and len(term.split()) == 1 else ""
            if (answer := self._defined_as(base, query, term, context)) is not None:
                return answer
        if len(specific) == 1:
            terms.append((specific[0], query.aliases.get(specific[0], [specific[0]])))
        for i, (subject, aliases) in enumerate(terms):
            answer = self._defining(base, query, subject, aliases)
            if answer is None and i == 0 and found is not None and (len(subject.split()) >= 2 or SCORE_RE.fullmatch(subject)):
                # 'what is a biparatopic adc': no sentence defines it, one describes it — better than
                # falling back to defining 'ADC' alone ('the bystander effect': where 'bystander' is named,
                # when the review names it rarely)
                rare = [form for form in aliases
                        if len(form.split()) >= 2 or self.analyzer.paragraph_share([form]) <= 0.05]
                answer = next((a for form in rare if (a := self._describing(base, query, form, within)) is not None), None)
                if answer is None and within and not self.analyzer.paragraph_share([subject]) and all(
                        self.analyzer.paragraph_share([form]) <= 0.05 for form in rare):
                    # 'the bystander effect of enhertu': an effect the review describes of ADCs, never beside
                    # the drug's name, is still what it is (a term printed nowhere in those words)
                    answer = next((a for form in rare if (a := self._describing(base, query, form)) is not None), None)
            if answer is not None:
                return answer
        if len(specific) == 1 and self.is_trial(specific[0]) and not DRUG_CODE_RE.fullmatch(specific[0]):
            # 'whats the katherine trial': no sentence says what it is; its design and results do
            return self._overview(base, question, text, query, candidates, carried)
        return None

    def _not_spelled_out(self, base, text: str) -> Answer | None:
        """'what does MMAE stand for?': an abbreviation the review prints but never spells out is declined as such,
        with where it does print it (Table 1's payload cell); None when the review spells it out ('drug-to-antibody
        ratio (DAR)'), or the question asks no long form, or names something the review never prints."""
        asked = STANDS_FOR_RE.match(text.strip())
        if asked is None:
            return None
        abbreviation = asked.group("abbr") or asked.group("short") or asked.group("full")
        long_form = self.analyzer.expansions.get(abbreviation.lower())
        if (long_form and long_form.lower() in self.analyzer.lowered_text) or \
                f"({abbreviation.lower()})" in self.analyzer.lowered_text:
            return None  # ('The human epidermal receptor type 2 (HER2) protein': spelled out before its short form)
        printing = [s.text for s in self.sentences.mentioning([abbreviation])] or \
            [c.text for c in self.corpus.chunks if c.kind == "table_row" and mentions(c.text, [abbreviation])]
        if not printing:
            return None
        said = strip_markers(printing[0]).strip()
        return self._decline(base, f"The review does not spell out {abbreviation}. What it says: “{said}”",
                             missing=[f"what {abbreviation} stands for"])

    def _with_its_spelling_out(self, base: Answer, answer: Answer, query: Query, text: str) -> Answer:
        """'what does adc stand for?': the long form is the answer, printed where the review first spells the
        abbreviation out ("…highlight antibody–drug conjugates (ADCs)"); that sentence comes first when the
        definition quoted does not print it."""
        asked = STANDS_FOR_RE.match(text.strip())
        if asked is None or answer.abstained or not answer.citations:
            return answer
        abbreviation = re.escape(asked.group("abbr") or asked.group("short") or asked.group("full"))
        spelt = re.compile(rf"\w[\w\-–]*(?:\s+[\w\-–]+){{0,5}}\s*\((?:{abbreviation})s?\)", re.I)
        quoted = [sentence for _, _, sentence in self._quoted(answer)]
        if None in quoted or any(spelt.search(s.text) for s in quoted):
            return answer
        first = next((s for s in self.sentences.sentences if self.sentences.chunk(s).kind == "text" and spelt.search(s.text)),
                     None)
        return self._quoting(base, query, [first] + quoted) if first is not None else answer

    def _unprinted_attribute(self, term: str) -> str:
        """'half-life' in 'the half-life of trastuzumab deruxtecan', 'cost' in 'the cost of kadcyla': the
        property asked, when one of its words is one the review never prints (nor a close spelling);
        '' otherwise ('the role of src', 'the 3 parts of an adc', 'the safety profile of T-DXd')."""
        pieces = re.split(r"\bof\b", term, maxsplit=1)
        if len(pieces) < 2 or not pieces[1].strip():
            return ""
        head = re.sub(r"^\s*(?:the|an?|\d+)\s+", "", pieces[0].strip(), flags=re.I).strip()
        words = [w for w in re.findall(r"[a-z]+", head.lower()) if len(w) > 2 and w not in TERM_FRAME_WORDS]
        # a modifier ('the normal function of cyclin D1', 'the usual dose') leaves the property asked
        words = [w for w in words if not w.endswith("al")] if len(words) > 1 else words
        printed = self._printed_words()
        if any(_bare(w) not in printed and not difflib.get_close_matches(_bare(w), printed, n=1, cutoff=0.85)
               for w in words):
            return head
        return ""

    def _named_together(self, term: str) -> bool:
        """Does one sentence of the review (with the one before it) hold the content words of a term of
        two words or more (all but one of three or more)? An abbreviation counts as itself or its
        expansion ('adc' or 'antibody drug conjugate'); a word the review never prints counts as a close
        spelling of one ('bystandr')."""
        # 'the 3 parts of an adc', 'the role of src': what the parts or the role are of is the term
        term = re.split(r"\bof\b", term)[-1]
        words = {_bare(w) for w in tokenize(self.analyzer.correct(term)) if len(w) > 2 and w not in TERM_FRAME_WORDS}
        if len(words) < 2:
            return True
        sentences = self._sentence_words()
        printed = self._printed_words()
        forms = []
        for word in words:
            word_forms = [{word}]
            if word in ABBREVIATIONS:
                word_forms.append({_bare(x) for x in tokenize(ABBREVIATIONS[word])})
            if word not in printed:
                word_forms += [{close} for close in difflib.get_close_matches(word, printed, n=3, cutoff=0.85)]
            forms.append(word_forms)
        needed = len(forms) - (len(forms) >= 3)
        # a sentence with the one before it: "They are composed by three components" names ADCs before
        windows = [here | before for before, here in zip([set()] + sentences, sentences)]
        return any(sum(any(form <= have for form in word_forms) for word_forms in forms) >= needed
                   for have in windows)

    def _printed_words(self) -> set[str]:
        """Every word the review prints, without its suffix (computed once)."""
        if "printed words" not in self._indexes:
            self._indexes["printed words"] = set().union(*self._sentence_words())
        return self._indexes["printed words"]

    def _sentence_words(self) -> list[set[str]]:
        """Each review sentence's words without their suffixes, in reading order (computed once)."""
        if "sentence words" not in self._indexes:
            self._indexes["sentence words"] = [{_bare(w) for w in tokenize(s.text)} for s in self.sentences.sentences]
        return self._indexes["sentence words"]

    def _one_name_the_review_knows(self, term: str) -> str:
        """'zanidatamab / zw25' → 'zw25': of names typed as alternatives, the one the review prints, when it prints
        only one ('' otherwise)."""
        names = [n.strip() for n in re.split(r"\s+/\s+|\s+or\s+", term) if n.strip()]
        known = [n for n in names if self.sentences.mentioning(self.analyzer.aliases_of(n))]
        return known[0] if len(names) == 2 and len(known) == 1 else ""

    def _defined_as(self, base, query: Query, term: str, context: str = "") -> Answer | None:
        """'meaning of intratumoral her2 heterogeneity': the sentence that says it 'is defined as' (or
        'refers to', 'is known as') and holds every word of the term, in any order ("Intratumoral
        heterogeneity of HER2 expression … is defined as the presence of varying degrees…")."""
        words = {_root(w) for w in tokenize(term) if len(w) > 2 or re.search(r"\d", w)}  # '3+' counts
        words |= {_root(tokens[0]) for w in re.findall(r"[\w\-+]+", context.lower()) if len(w) > 2 and w not in TERM_FRAME_WORDS
                  and w not in CHAT_WORDS and (tokens := tokenize(w))}  # (a word, not its stems: 'exactly' → 'exact')
        if re.search(r"\d", term):  # 'an IHC score of 3+': the figure is the term; the review may not say 'score'
            words -= {_root(w) for w in SCORE_NOUNS}
        # 'her2 ihc 3+': the review's subject is on every page; the rest of the term is what is asked
        rest = {w for w in words if w not in REVIEW_SUBJECT}
        words = rest if len(rest) >= 2 else words
        if len(words) < 2:
            return None
        for sentence in self.sentences.sentences:
            if not DEFINED_AS_RE.search(sentence.text):
                continue
            chosen = self._with_what_its_pronoun_is(sentence, [sentence])
            if words <= {_root(w) for s in chosen for w in tokenize(s.text)}:
                return self._quoting(base, query, chosen + self._classing(chosen[-1], term))
        return None

    def _classing(self, defining: Sentence, term: str) -> list[Sentence]:
        """After "heterogeneity … is defined as …", the sentences of its section that say what is classed
        as such ("Metzger et al. classified as heterogeneous tumors those which…"): a criterion is part
        of the definition. Matched on the term's longest word, any ending ('heterogene…')."""
        head = max(re.findall(r"[a-z]{6,}", term.lower()), key=len, default="")
        if not head:
            return []
        stem = re.escape(head[:max(6, len(head) - 3)])
        classing = re.compile(rf"\b(?:classified|classed|considered|categori[sz]ed|regarded)\s+as\s+(?:[\w\-]+\s+){{0,2}}?{stem}\w*", re.I)
        return [s for s in self.sentences.in_section(defining.source, defining.section)
                if s.start > defining.start and classing.search(s.text)][:2]

    def _describing(self, base, query: Query, term: str, within: list[str] = ()) -> Answer | None:
        """The first sentence that names the whole term (plural allowed), and the one after it; with
        ``within``, only a sentence that also names one of those."""
        words = [re.escape(w) for w in term.lower().split()]
        pattern = re.compile(r"(?<!\w)" + r"\W+".join(words) + r"s?(?!\w)", re.I)  # ('1+': no word edge after '+')
        sentence = next((s for s in self.sentences.sentences if pattern.search(s.text)
                         and (not within or mentions(s.text, list(within)))), None)
        if sentence is None:
            return None
        return self._quoting(base, query, self._with_what_its_pronoun_is(sentence, self._with_rest(sentence)))

    def _with_what_its_pronoun_is(self, sentence: Sentence, chosen: list[Sentence]) -> list[Sentence]:
        """``chosen`` (which starts at ``sentence``) led by the sentence before when ``sentence`` opens on a pronoun:
        "Its expression is defined as intense (3+)…" — what "its" is, the sentence before says."""
        if not re.match(PRONOUN_OPENING, sentence.text) or sentence.index == 0:
            return chosen
        before = self.sentences.paragraph(sentence)[sentence.index - 1]
        return [before] + [s for s in chosen if s is not before]

    def _with_rest(self, sentence: Sentence) -> list[Sentence]:
        """The defining sentence and the one after it — or all of a short paragraph it opens, which is the
        term's own ("Targeted protein degradation (TPD) offers… Techniques such as PROTACs… Notably, a
        trastuzumab-PROTAC conjugate…")."""
        paragraph = self.sentences.paragraph(sentence)
        if sentence.index == 0 and len(paragraph) <= OWN_PARAGRAPH_SENTENCES:
            return list(paragraph)
        return [sentence] + paragraph[sentence.index + 1: sentence.index + 2]

    def _defining(self, base, query: Query, subject: str, aliases: list[str]) -> Answer | None:
        names = "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
        # 'X, a …', 'X (Y) protein is a …', 'ADCs are …', '… class of therapies is tyrosine kinase inhibitors (TKI)'
        defining = re.compile(
            rf"(?:^|\b|\()(?:{names})s?\)?(?:\s*\([^)]{{1,40}}\))?"
            rf"(?:\s+(?:protein|gene|receptor|molecule|drug|agent|antibody|inhibitor|trial|study))?"
            rf"(?:,\s+(?:an?|the)\s|,\s+which\s+(?:occurs|is|refers|means)\b|\s+allows\b|\s+(?:is|was)\s+(?:an?|the|one)\b|"
            rf"\s+are\s+(?:an?\s+|the\s+)?(?:[\w\-]+\s+){{0,2}}(?:molecules?|drugs?|agents?|proteins?|receptors?|inhibitors?|"
            rf"antibod\w+|class\w*|famil\w+|compounds?|therap\w+|conjugates?|enzymes?|kinases?)\b|"
            rf"\s+(?:refers to|consists of|encodes)\b)"
            rf"|\b(?:class|type|family|group) of [\w\- ]{{1,40}}? (?:is|are)\s+(?:[\w\-]+\s+){{0,4}}\((?:{names})s?\)", re.I)
        for sentence in self.sentences.mentioning(aliases + [f"{a}s" for a in aliases]):
            head = strip_markers(sentence.text)[:len(sentence.text) // 2 + 40]
            if defining.search(head):
                chosen = self._with_rest(sentence)
                # a brand typed ('enhertu') is quoted as the review names it ('[T-DXd] is …')
                named = min((a for a in aliases if a.lower() not in BRANDS), key=len, default=subject)
                # as the review spells it ('adc' typed, or an alias kept lower-case, is quoted '[ADCs]')
                printed = re.search(rf"(?<![\w\-]){re.escape(named)}", sentence.text, re.I)
                return self._quoting(base, query, chosen, printed.group(0) if printed else named)
        return None


# A paragraph of at most this many sentences that opens by defining a term is all about it.
OWN_PARAGRAPH_SENTENCES = 5
# Nouns that name a measurement whose figure is the term ('IHC score of 3+', 'grade 3', 'level 2+')
SCORE_NOUNS = {"score", "scores", "level", "levels", "grade", "grades", "value", "values", "result", "rating"}
# Nouns a term may end in that the review leaves off ('bystander killing effect' is its 'bystander killing')
TERM_HEAD_NOUNS = r"effect|phenomenon|process|concept|approach|strategy|mechanism|technique"
# Relational nouns: 'the role of src', 'the 3 parts of an adc' ask about what follows 'of'
RELATIONAL_NOUNS = {"role", "roles", "part", "parts", "function", "functions", "mechanism", "mechanisms", "type", "types",
                    "kind", "kinds", "meaning", "definition", "structure", "components", "component", "class", "purpose",
                    "goal", "aim", "importance", "relevance", "significance", "use", "uses", "action", "activity"}


def _kind_of(term: str, aliases: list[str]) -> bool:
    """Is ``term`` one or two words before one of ``aliases`` ('biparatopic ADC', 'biparatopic ADCs')?"""
    names = "|".join(re.escape(a) for a in aliases)
    return bool(re.fullmatch(rf"(?:[\w\-]+\s+){{1,2}}(?:{names})s?", term, re.I))


def _term_forms(term: str) -> list[str]:
    """The term, and the term without a head noun the review may leave off ('bystander killing effect')."""
    bare = re.sub(rf"\s+(?:{TERM_HEAD_NOUNS})$", "", term, flags=re.I)
    return [term] if bare == term or len(bare) < 5 else [term, bare]


def _term_before_of(term: str) -> str:
    """'bystander killing effect' in 'the bystander killing effect of adcs' (two words or more, not a
    relational noun like 'the role of'); '' otherwise."""
    pieces = re.split(r"\s+of\s+", term, maxsplit=1)
    if len(pieces) < 2 or re.match(r"\d", pieces[1].strip()):
        return ""  # 'IHC score of 3+': the score asked is the figure, not any IHC score
    head = re.sub(r"^\s*(?:the|an?|\d+)\s+", "", pieces[0], flags=re.I).strip()
    words = head.lower().split()
    return head if len(words) >= 2 and not any(w in RELATIONAL_NOUNS for w in words) else ""


def _root(word: str) -> str:
    """A word without its plural or an adjective/noun ending, so that 'a heterogeneous tumor' meets
    'heterogeneity … of the same tumor' ('heterogeneous', 'heterogeneity' → 'heterogene')."""
    word = light_stem(word)
    return re.sub(r"(?:ity|ous|ou)$", "", word) if len(word) >= 9 else word


def _bare(word: str) -> str:
    """A word without its plural or common suffix ('adcs' → 'adc', 'conjugates' → 'conjugat')."""
    word = light_stem(word)
    return word[:-1] if word.endswith("s") and len(word) > 3 and not word.endswith("ss") else word
