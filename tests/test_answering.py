"""The answering steps (intent → plan → select → compose → verify) on the real index.

Questions here are typed the way users type them; none is copied from the eval sets.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import pytest

from her2qa.answering.compose import figures_in, render, with_antecedent
from her2qa.answering.concepts import concept_groups, parts_covered
from her2qa.answering.intent import classify, split_parts, without_framing
from her2qa.chat import Conversation
from her2qa.query import light_stem, spelling_variants
from her2qa.results import Answer, AnswerPoint, AnswerTable, Citation
from her2qa.verify import verify


def cited_kinds(answer):
    return {c.kind for c in answer.citations}


# ---------------------------------------------------------------- step 1: intent and parts

@pytest.mark.parametrize("question, intent", [
    ("what did NALA show?", "overview"),
    ("tell me about SYD985", "overview"),
    ("KATE2?", "overview"),
    ("which TKIs are approved?", "list"),
    ("what years is that from?", "fact"),  # a span of time, not members
    ("how common is her2+ bc compared with all breast cancers", "fact"),  # a share of the whole, no second side
    ("tykerb + herceptin vs tykerb alone - was there an OS difference?", "compare"),  # two regimens, then the measure
    ("list the ADCs in development", "list"),
    ("which trials in table 2 are in phase III?", "table"),
    ("tykerb vs nerlynx", "compare"),
    ("why does T-DXd work after T-DM1?", "why"),
    ("what is PRS-343?", "definition"),
    ("is neratinib irreversible?", "yesno"),
    ("who wrote the HER2CLIMB paper?", "reference"),
    ("what was the ORR of ZW25?", "fact"),
    ("What PFS did neratinib achieve versus lapatinib?", "fact"),  # arms of one trial, not a comparison
    ("What is the IC50 of alpelisib?", "fact"),
    ("so what do the authors conclude?", "overview"),  # the review's own authors, not a bibliography question
    ("per the authors, is there a standard of care in the third line?", "fact"),
    ("any her2 tkis named?", "list"),
    ("what's going on with vic-trastuzumab duocarmazine", "overview"),
    ("monarcher and patricia: how are they different?", "compare"),
    ("how do tukysa and nerlynx stack up", "compare"),
    ("what did TH3RESA compare", "overview"),  # what a trial set out to test is its design
    ("how did kadcyla fare against herceptin in katherine", "compare"),
    # two comparisons set against each other, and a measure that chooses trials rather than being asked
    ("tykerb + xeloda vs xeloda alone compared with tykerb + herceptin vs tykerb alone - which combo improved OS?", "compare"),
    ("which trials have PFS as the primary endpoint?", "list"),
    ("what came out of MonarcHER?", "overview"),  # what a trial came out with is its results
    ("IGF-1R as a resistance driver - mechanistically how?", "why"),  # the mechanism asked after what it is about
    ("what is a bispecific ADC, e.g. ZW49?", "definition"),  # an example after the term asked
    ("which one is scarier side-effect wise, enhertu or kadcyla?", "compare"),
    ("if she needs a pill later, which is rougher, nerlynx or tukysa?", "compare"),
])
def test_intent(question, intent):
    assert classify(question) == intent


def test_two_questions_in_one_are_split_but_relative_clauses_are_not():
    assert split_parts("What kind of receptor is IGF-IR, and through which mechanisms does it act?") == [
        "What kind of receptor is IGF-IR", "through which mechanisms does it act?"]
    assert len(split_parts("What did DESTINY-Breast03, which compared two ADCs, show?")) == 1
    assert len(split_parts("What is T-DXd? What is its DAR?")) == 2
    assert len(split_parts("why does kadcyla stop working? keep it simple pls")) == 1  # how to answer, not a part
    assert len(split_parts("how does muc4 block herceptin? who showed it")) == 2


# ---------------------------------------------------------------- step 3: tables as data

def test_table_filter_lists_every_matching_row(assistant):
    answer = assistant.ask("Which ADCs in Table 1 are in phase III?")
    assert answer.intent == "table" and answer.table is not None
    names = [row[0] for row in answer.table.rows]
    assert names == ["Vic-trastuzumab duocarmazine", "Disitamab-vedotin"]  # III and I/II/III, nothing else
    assert cited_kinds(answer) == {"table_row"} and len(answer.table.markers) == 2
    assert "A166" not in answer.answer


def test_table_filter_on_setting_and_phase(assistant):
    first_line = assistant.ask("which trials in table 2 are first line?")
    assert sorted(r[1] for r in first_line.table.rows) == ["DESTINY-Breast 06", "DESTINY-Breast 09"]
    phase3 = assistant.ask("phase 3 trials in table 2?")
    assert sorted(r[1] for r in phase3.table.rows) == ["DESTINY-Breast 06", "DESTINY-Breast 09", "DESTINY-Breast 12"]


def test_show_a_table(assistant):
    answer = assistant.ask("show table 2")
    assert len(answer.table.rows) == 9 and answer.table.columns[0] == "NCT Identifier"
    assert len(answer.citations) == 9


def test_a_table_does_not_answer_for_something_no_row_holds(assistant):
    answer = assistant.ask("Which drugs are combined with ZW25 in the phase II trial?")
    assert answer.table is None
    assert "palbociclib" in answer.answer


# ---------------------------------------------------------------- step 2–4: overviews, lists, comparisons

def test_what_did_a_trial_show_gives_design_and_results(assistant):
    answer = assistant.ask("what did HER2CLIMB show")
    assert answer.intent == "overview" and not answer.abstained
    for fact in ("2:1", "7.8 months", "5.6 months", "0.54", "44.9%", "26.6%"):
        assert fact in answer.answer, fact
    groups = [p.group for p in answer.points]
    assert "Design" in groups and "Results" in groups
    assert "HER2CLIMB-04" not in answer.answer  # a different trial's table row
    results = next(p for p in answer.points if "7.8" in p.text)
    assert "7.8 months" in results.highlights


def test_section_overview_has_a_point_per_subsection(assistant):
    answer = assistant.ask("Summarize the mechanisms of resistance to anti-HER2 therapy.")
    groups = {p.group for p in answer.points}
    assert {"PI3K/AKT/mTOR Pathway", "p95HER2", "Src"} <= groups
    assert "figure" not in cited_kinds(answer)


def test_list_of_a_sections_parts(assistant):
    answer = assistant.ask("what resistance mechanisms are discussed?")
    titles = [p.text for p in answer.points]
    # section 2's nine parts, then the later section titled the same ("4.3 AXL, Another Resistance Mechanism")
    assert len(titles) == 10 and titles[0] == "PI3K/AKT/mTOR Pathway" and titles[8] == "Src"
    assert titles[-1] == "AXL, Another Resistance Mechanism" and "4.3 AXL" in answer.lead
    assert all(p.markers for p in answer.points)


def test_list_of_drugs_named_by_their_target(assistant):
    """The review names no IGF-IR inhibitor: say so instead of listing other drugs or trials."""
    answer = assistant.ask("which igf-1r inhibitors are being combined with her2 drugs in trials?")
    assert answer.abstained and "name of the igf-1r inhibitors" in answer.answer
    named = assistant.ask("which src inhibitors are mentioned?")
    assert not named.abstained and "dasatinib, saracatinib" in named.lead


def test_list_from_an_enumerating_sentence(assistant):
    answer = assistant.ask("which her2 mutations did bose et al find")
    for mutation in ("L755S", "L755P", "V777L", "S310F", "D769H"):
        assert mutation in answer.answer


def test_comparison_with_brand_names_answers_both_sides(assistant):
    answer = assistant.ask("enhertu vs kadcyla design?")
    assert answer.intent == "compare"
    # (the review's own account of how they differ may come first, under both names)
    sides = [p.group for p in answer.points if " vs " not in p.group]
    assert sides[0].lower() == "enhertu" and sides[-1].lower() == "kadcyla"
    assert "topoisomerase I" in answer.answer and "non-cleavable linker" in answer.answer


def test_two_part_question_answers_both_parts(assistant):
    answer = assistant.ask("What kind of receptor is IGF-IR, and through which mechanisms does it promote resistance?")
    assert answer.intent == "multi" and not answer.abstained
    assert "tyrosine kinase receptor" in answer.answer and "tumor microenvironment" in answer.answer


def test_why_brings_the_cause(assistant):
    answer = assistant.ask("why is tucatinib better tolerated?")
    assert "highly selective" in answer.answer and "favorable toxicity profile" in answer.answer


def test_pronoun_subject_gets_its_antecedent_in_brackets(assistant):
    answer = assistant.ask("whats the DAR of enhertu")
    assert "approximately eight" in answer.answer
    assert "[T-DXd] is uniquely designed" in answer.answer


def test_typos_and_shorthand_are_read_in_the_reviews_words(assistant):
    answer = assistant.ask("tukatinib brain mets?")
    assert "tucatinib" in answer.read_as and "metastases" in answer.read_as
    assert not answer.abstained and "brain" in answer.answer.lower()


# ---------------------------------------------------------------- step 5: abstention by coverage

@pytest.mark.parametrize("question, missing", [
    ("half life of enhertu?", "half"),
    ("median OS in NALA?", "median OS"),
    ("what's the median OS in DESTINY-Breast03?", "median OS"),
    ("any cardiac warnings for tukysa?", "cardiac"),                    # an organ term the review never uses
    ("is ondansetron given with neratinib?", "ondansetron"),          # a drug named only by its stem
    ("grade 3 rash rate with tucatinib? e.g. in her2climb", "rash"),  # 'e.g. …' qualifies, it asks nothing new
    ("is nerlynx ok while breastfeeding", "breastfeeding"),           # care topics the review never takes up
    ("kadcyla and heart function, anything?", "heart"),
])
def test_declines_what_the_evidence_does_not_cover(assistant, question, missing):
    answer = assistant.ask(question)
    assert answer.abstained and missing in answer.answer
    assert not answer.citations


def test_a_hazard_ratio_asked_with_one_endpoint_is_that_endpoints(assistant):
    """HER2CLIMB's hazard ratio is for PFS; beside its OS rates the review gives none for OS."""
    answer = assistant.ask("hazard ratio for os in her2climb?")
    assert answer.abstained and "hazard ratio" in answer.answer
    given = assistant.ask("emilia overall survival hazard ratio?")
    assert not given.abstained and "0.68" in given.answer


def test_a_rate_or_median_asked_needs_a_figure(assistant):
    assert assistant.ask("rate of grade 3 diarrhoea on nerlynx in nala?").abstained
    assert assistant.ask("median pfs in th3resa?").abstained


def test_a_dose_that_is_in_the_text_is_given(assistant):
    answer = assistant.ask("What dose of T-DXd is mentioned?")
    assert not answer.abstained and "5.4 mg/kg" in answer.answer


# ---------------------------------------------------------------- step 6: follow-ups

def test_follow_up_without_a_subject_borrows_the_last_one_and_says_so(assistant):
    conversation = Conversation()
    assistant.ask("What did the HER2CLIMB trial show?", conversation)
    answer = assistant.ask("And what about brain metastases?", conversation)
    assert "HER2CLIMB" in answer.read_as
    assert "brain metastasis" in answer.answer and "45%" in answer.answer


def test_follow_up_with_its_own_subject_asks_the_same_question_of_it(assistant):
    conversation = Conversation()
    assistant.ask("what did MonarcHER show?", conversation)
    answer = assistant.ask("what about PATRICIA?", conversation)
    assert "PATRICIA" in answer.read_as and "MonarcHER" not in answer.read_as
    assert "71 patients" in answer.answer


def test_a_narrowing_follow_up_keeps_the_topic(assistant):
    # "and in the metastatic setting?" narrows the last question: its topic (approval) stays.
    conversation = Conversation()
    assistant.ask("what was nerlynx first approved for", conversation)
    answer = assistant.ask("and in the metastatic setting?", conversation)
    assert "approved" in answer.read_as and ("nerlynx" in answer.read_as.lower() or "neratinib" in answer.read_as.lower())


# Follow-ups, each a general reading rule: (turns, words the reading must show, words the last answer
# must hold, words it must not hold).
FOLLOW_UPS = {
    "'which of them' filters the last list": (
        ["what ADCs are in development per table 1?", "which of them got to phase III?"],
        ["table 1"], ["Vic-trastuzumab duocarmazine", "Disitamab-vedotin"], ["ARX788"]),
    "'its' after 'which X…?' is the answer, not the class": (
        ["which pi3k inhibitor is alpha selective?", "whats its ic50"], [], ["5 nM"], []),
    "a bare 'that' is what the last answer said": (
        ["whats the main problem with neratinib tolerability", "is any trial trying to fix that?"],
        ["diarrhea"], ["CONTROL trial"], []),
    "'how is that being addressed?' reads on from the last quote": (
        ["what mainly limits nerlynx use?", "how is that being addressed?"], [],
        ["diarrhea", "CONTROL trial", "antidiarrheal prophylaxis"], []),
    "'its' after a code-named drug stays on that drug": (
        ["whats ARX788", "its trial's primary endpoint?"], ["ARX788"], ["ORR"], []),
    "a topic without a name is carried as words": (
        ["what is src", "any drugs against it?"], ["src"], ["dasatinib", "saracatinib"], []),
    "'what happened to…' asks for an event, not a property": (
        ["how did metzger define heterogeneous her2 tumours?", "what happened to those pts with neoadjuvant tx?"],
        [], ["pathological complete response"], ["the happened"]),
    "'it' after 'which trial…?' is that trial": (
        ["which trial tested ibrance + herceptin in pretreated her2+ mbc?", "whats the follow-up trial to it?"],
        ["PATRICIA"], ["PATRICIA-II"], []),
    "a name set aside is not the next subject; a name given once serves both parts": (
        ["apart from emilia, was there another phase 3 of kadcyla in heavily pretreated pts?",
         "what was the control arm and who was eligible?"], ["TH3RESA"], ["physician"], []),
    "'which trial was the first phase 3…' is one trial, and 'it' next": (
        ["which trial was the first phase 3 to compare two adcs?", "any lung toxicity reported in it?"],
        ["DESTINY-Breast03"], ["13.6%"], []),
    "'tell me more' is an overview of the last subject": (
        ["what did kate2 test", "tell me more"], ["KATE2"], ["PD-L1"], []),
    "'it' after 'any X being tested?' is the drug the answer names": (
        ["any akt inhibitors being tested in her2+ bc?", "what is it combined with and in which pts"],
        ["ipatasertib"], [], []),
    "a pronoun with little else keeps the last topic: 'it' may be the ILD as much as the drug": (
        ["any ild with enhertu?", "was it fatal?"], ["ild"], ["2.2%"], []),
    "'… for those?' right after a table answer filters the same rows": (
        ["which phase 3 trials are in table 2?", "what's the primary endpoint for those?"], ["table 2"],
        ["DESTINY-Breast 09", "PFS"], []),
    "'what about <setting>?' asks the last question again in that setting": (
        ["when was kadcyla first approved?", "what about the adjuvant setting?"], ["approv"], ["May 2019"], []),
}


@pytest.mark.parametrize("rule", FOLLOW_UPS)
def test_follow_up_reading(assistant, rule):
    turns, read, said, unsaid = FOLLOW_UPS[rule]
    conversation = Conversation()
    for turn in turns:
        answer = assistant.ask(turn, conversation)
    assert all(w.lower() in answer.read_as.lower() for w in read), answer.read_as
    assert all(w.lower() in answer.answer.lower() for w in said), answer.answer[:400]
    assert not any(w.lower() in answer.answer.lower() for w in unsaid)
    assert answer.citations and answer.retrieved  # cited, and the retrieval still reported


def test_a_turn_with_its_own_subject_is_taken_as_typed(assistant):
    conversation = Conversation()
    assistant.ask("what did NALA show?", conversation)
    answer = assistant.ask("What is the DAR of T-DXd?", conversation)
    assert answer.read_as == "" and "approximately eight" in answer.answer


def test_which_one_questions_answer_with_a_name_of_that_kind(assistant):
    # "which <kind> …?" is answered by a sentence naming one (a drug, a trial), not by a sentence that
    # merely shares the question's words; the sentence may name it just before ("It is …").
    answer = assistant.ask("which tki got fda approval first for her2+ metastatic bc?")
    assert not answer.abstained and "Lapatinib was the first TKI" in answer.answer
    answer = assistant.ask("what ADC has a DAR around eight?")
    assert not answer.abstained and "approximately eight" in answer.answer and "T-DXd" in answer.answer


@pytest.mark.parametrize("question, expected, wrong", [
    ("tukysa side effects?", "transaminitis", "favorable toxicity profile"),
    ("AEs in the HER2CLIMB trial", "hand–foot syndrome", "toxicity profile of this drug"),
    ("how toxic is enhertu", "interstitial lung disease", "T-DM1 presented a lower toxicity"),
    # The T-DXd trial's paragraph names T-DM1 as a prior therapy: its adverse events are not T-DM1's.
    ("is kadcyla well tolerated?", "lower toxicity profile", "interstitial lung disease"),
])
def test_one_aspect_of_a_drug_or_trial_comes_from_where_the_review_describes_it(assistant, question, expected, wrong):
    answer = assistant.ask(question)
    assert not answer.abstained and expected in answer.answer and wrong not in answer.answer


@pytest.mark.parametrize("question, heading", [
    ("whats the paper about, in a nutshell?", "Abstract"),
    ("key points pls", "Abstract"),
    ("gist of the intro?", "Introduction"),
    ("what does it say on cdk4/6 inhibitors in her2+ disease", "CDK4/6 Inhibitors"),
    ("ADCs in general, whats the story", "Novel Antibody-Drug Conjugates"),
])
def test_a_topic_or_the_review_itself_is_summarised_from_its_section(assistant, question, heading):
    # Words found on most pages ("HER2+", "disease") do not stop a section title from matching.
    answer = assistant.ask(question)
    assert not answer.abstained and answer.intent == "overview"
    assert answer.answer.startswith("From “") and heading in answer.answer.split("\n")[0]


@pytest.mark.parametrize("question, missing", [
    ("patricia OS results?", "OS for PATRICIA"),
    ("did kadcyla improve overall survival in katherine?", "OS for KATHERINE"),
    ("ILD rate with enhertu in DESTINY-Breast04?", "interstitial lung disease for DESTINY-Breast04"),
    # its unnamed "(8.3 months vs. 5.7 months; Hazard ratio, 0.67)" is a PFS, not an overall survival
    ("monarcher os results?", "OS for MonarcHER"),
])
def test_an_endpoint_the_review_does_not_give_for_a_trial_is_named_as_missing(assistant, question, missing):
    answer = assistant.ask(question)
    assert answer.abstained and f"does not report {missing}" in answer.answer
    assert "What it says: “" in answer.answer  # the nearest thing it does say about that trial


def test_an_endpoint_the_review_gives_without_naming_it_still_answers(assistant):
    # MonarcHER's PFS is printed as "(8.3 months vs. 5.7 months; Hazard ratio, 0.67)" without "PFS".
    answer = assistant.ask("monarcher pfs for the triplet?")
    assert not answer.abstained and "8.3 months" in answer.answer


@pytest.mark.parametrize("question", ["was the kadcyla benefit in emilia limited to HR+ patients?",
                                      "1-year OS in KATE2 for PD-L1+ pts?"])
def test_statuses_and_amounts_are_not_taken_for_unknown_names(assistant, question):
    answer = assistant.ask(question)
    assert "does not mention" not in answer.answer


def test_a_name_family_lists_every_member_from_text_and_tables(assistant):
    answer = assistant.ask("which destiny breast trials are mentioned?")
    assert answer.lead.startswith("8 trials are named")
    for name in ("DESTINY-Breast01", "DESTINY-Breast03", "DESTINY-breast04", "DESTINY-Breast 06", "DESTINY-Breast 12"):
        assert name in answer.lead


def test_trials_of_a_section_are_listed(assistant):
    answer = assistant.ask("what tki trials are discussed?")
    for name in ("EGF104900", "EXTENET", "NALA", "HER2CLIMB"):
        assert name in answer.lead


@pytest.mark.parametrize("question, count, absent", [
    ("table 2 trials that have a control arm?", 2, "ACE-Breast 03"),
    ("which trials in table 2 have no control arm", 7, "DESTINY-Breast 09"),
    ("table 2: which trials are not phase 3", 6, "DESTINY-Breast 06"),
    ("which ADCs in table 1 dont have a microtubule inhibitor payload", 2, "ARX788"),
])
def test_table_filters_read_has_and_not(assistant, question, count, absent):
    answer = assistant.ask(question)
    assert answer.table is not None and len(answer.table.rows) == count
    assert absent not in answer.answer


def test_a_column_asked_for_lists_its_values_spelled_out(assistant):
    answer = assistant.ask("what primary endpoints are used in table 2?")
    assert "PFS (progression-free survival)" in answer.lead and "AEs (adverse events)" in answer.lead


def test_a_sentence_pointing_back_brings_what_it_points_to(assistant):
    # "In 2013, these results led to FDA approval of T-DM1…" opens a paragraph; the results are the
    # previous paragraph's trials.
    answer = assistant.ask("what led to kadcyla getting approved in 2013?")
    assert "these results led to FDA approval" in answer.answer
    assert "EMILIA" in answer.answer and "TH3RESA" in answer.answer


@pytest.mark.parametrize("question, expected", [
    ("what is HER2 exactly", "ErbB/HER family"),
    ("what's an ADC?", "sophisticated new molecules"),
    ("what is a tki", "Another class of anti-HER2 therapies is tyrosine kinase inhibitors"),
])
def test_definitions_of_names_on_every_page(assistant, question, expected):
    answer = assistant.ask(question)
    assert expected in answer.answer


def test_a_compared_aspect_comes_from_where_each_side_is_described(assistant):
    answer = assistant.ask("nerlynx vs tukysa side effects")
    assert answer.intent == "compare" and "diarrhea as a secondary effect" in answer.answer
    assert "transaminitis" in answer.answer


def test_results_of_a_trial_only_listed_as_ongoing_are_not_invented(assistant):
    answer = assistant.ask("destiny-breast 09 results? did it beat the taxane arm")
    assert answer.abstained and "reports no results for DESTINY-Breast09" in answer.answer
    assert "Primary Endpoint: PFS" in answer.answer  # what the table does give


def test_a_yes_no_about_a_trial_is_answered_from_the_text_about_that_trial(assistant):
    answer = assistant.ask("was the kadcyla benefit in emilia limited to HR+ patients?")
    assert "regardless of the site of metastatic disease and HR status" in answer.answer


@pytest.mark.parametrize("question", ["why would tykerb help overcome resistance", "why is T-DXd active after T-DM1?",
                                      "what is T-DXd", "is neratinib irreversible?"])
def test_no_answer_quotes_a_sentence_twice(assistant, question):
    # A sentence quoted with its antecedent ("This TKI [lapatinib] inhibits…") is the same sentence.
    answer = assistant.ask(question)
    bodies = [re.sub(r"\s+", " ", re.sub(r"\[[^\]]*\]", " ", p.text)).strip() for p in answer.points]
    assert len(bodies) == len(set(bodies)), bodies


@pytest.mark.parametrize("question, expected", [
    ("hr-/her2- bc incidence per 100k women?", "13.2 cases"),  # '-' typed for the review's '−'; '100k' is an amount
    ("her2climb 2 yr OS - tukysa vs placebo?", "44.9%"),        # 'her2climb 2 yr': a name, then an amount
    ("what r ADCs", "sophisticated new molecules"),
    ("what exactly is enhertu made of", "topoisomerase I inhibitor payload"),
    ("kate2 - what had patients been treated with before?", "prior trastuzumab and taxane"),
])
def test_questions_typed_loosely(assistant, question, expected):
    answer = assistant.ask(question)
    assert not answer.abstained and expected in answer.answer


def test_trials_of_a_drug_are_those_that_tested_it_not_those_after_it(assistant):
    answer = assistant.ask("which trials w/ kadcyla does the review go through")
    for name in ("EMILIA", "TH3RESA", "KATHERINE", "KATE2"):
        assert name in answer.lead
    assert "HER2CLIMB" not in answer.lead  # its patients had been treated with T-DM1 before


def test_trials_named_only_by_registry_number_are_listed(assistant):
    answer = assistant.ask("name the trastuzumab duocarmazine trials")
    assert "TULIP" in answer.lead and "NCT04602117" in answer.lead and "NCT04235101" in answer.lead


def test_a_this_noun_sentence_brings_the_one_naming_it(assistant):
    answer = assistant.ask("does herceptin bind p95her2?")
    assert "not recognized by trastuzumab" in answer.answer and "lacks the extracellular domain" in answer.answer


def test_one_endpoint_across_two_trials_is_answered_for_each(assistant):
    answer = assistant.ask("NALA vs HER2CLIMB OS?")
    assert answer.intent == "compare"
    assert "no differences in OS" in answer.answer and "44.9%" in answer.answer


@pytest.mark.parametrize("question, expected", [
    ("define src", "Src is a proto-oncogene"),
    ("whats a liquid biopsy", "non-invasive technique"),
    ("whats bystander killing with adcs", "acts directly against neighboring cells"),  # the term, not "ADC"
])
def test_a_term_typed_in_lower_case_is_defined(assistant, question, expected):
    assert expected in assistant.ask(question).answer


def test_which_adc_is_not_answered_with_a_tki(assistant):
    answer = assistant.ask("which adc was the first one approved for a solid tumor?")
    assert "T-DM1" in answer.answer and "Lapatinib was the first TKI" not in answer.answer


def test_a_turn_with_a_subject_but_no_topic_keeps_the_last_topic(assistant):
    conversation = Conversation()
    assistant.ask("what was the PFS in NALA?", conversation)
    answer = assistant.ask("and in HER2CLIMB?", conversation)
    assert answer.read_as == "what was the PFS in HER2CLIMB?" and "7.8 months" in answer.answer


def test_it_after_a_which_question_is_the_answers_subject(assistant):
    conversation = Conversation()
    assistant.ask("which tki got fda approval first for her2+ metastatic bc?", conversation)
    answer = assistant.ask("what does it inhibit?", conversation)
    assert "lapatinib" in answer.read_as.lower()
    assert "EGFR1" in answer.answer


# ---------------------------------------------------------------- compose and verify, without the index

def test_a_contrast_brings_what_it_contrasts_with(assistant):
    answer = assistant.ask("did atezolizumab plus t-dm1 improve pfs in kate2 overall?")
    assert "not significantly different" in answer.answer and "8.5 months vs. 4.1 months" in answer.answer


def test_a_study_named_brings_what_it_went_on_to_find(assistant):
    answer = assistant.ask("bose et al - which her2 mutations apart from l755s?")
    assert "L755P" in answer.answer and "D769H" in answer.answer


def test_a_subgroup_asked_after_a_trial_is_that_trials(assistant):
    conversation = Conversation()
    assistant.ask("kate2: t-dm1 with or without atezolizumab, was it positive?", conversation=conversation)
    answer = assistant.ask("and for the pd-l1 positive patients?", conversation=conversation)
    assert "KATE2" in answer.resolved_question and "8.5 months vs. 4.1 months" in answer.answer


def test_spellings_are_read_as_the_review_prints_them():
    assert spelling_variants("tumour") == ["tumor"]
    assert "randomized" in spelling_variants("randomised") and "favourable" in spelling_variants("favorable")


def test_antecedent_rules():
    assert with_antecedent("It is uniquely designed.", "T-DXd") == "[T-DXd] is uniquely designed."
    assert with_antecedent("Its activation promotes resistance.", "IGF-IR") == "[IGF-IR’s] activation promotes resistance."
    assert with_antecedent("This TKI inhibits HER2.", "lapatinib") == "This TKI [lapatinib] inhibits HER2."
    assert with_antecedent("It is important to highlight the toxicity.", "tucatinib").startswith("It is important")


def test_figures_are_highlighted_as_printed():
    text = "the median PFS was 7.8 months in the tucatinib arm vs. 5.6 months (Hazard ratio, 0.54) in DESTINY-Breast01"
    assert figures_in(text) == ["7.8 months", "5.6 months", "0.54"]


def test_render_groups_points_under_headings():
    points = [AnswerPoint(text="A.", markers=[1], group="Design"), AnswerPoint(text="B.", markers=[2], group="Results")]
    assert render("Lead:", points) == "Lead:\n**Design**\n- A. [1]\n**Results**\n- B. [2]"
    assert render("", [AnswerPoint(text="Only.", markers=[1])]) == "Only. [1]"


def _citation(marker: int, chunk_id: str, text: str) -> Citation:
    return Citation(marker=marker, chunk_id=chunk_id, section="3", section_title="", kind="text", text=text,
                    quote=text)


def test_verifier_drops_points_and_table_rows_it_cannot_support():
    answer = Answer(
        question="q", answer="", lead="Two rows:",
        points=[AnswerPoint(text="PFS was 7.8 months.", markers=[1]),
                AnswerPoint(text="PFS was 9.9 months.", markers=[2]),   # 9.9 is not in passage 2
                AnswerPoint(text="Made up.", markers=[3])],             # passage 3 was never retrieved
        citations=[_citation(1, "a", "PFS was 7.8 months."), _citation(2, "b", "PFS was 5.6 months."),
                   _citation(3, "c", "Anything.")],
        table=AnswerTable(title="T", columns=["x"], rows=[["r1"], ["r2"], ["r3"]], markers=[1, 2, 3]))
    checked = verify(answer, {"a", "b"})
    assert [p.text for p in checked.points] == ["PFS was 7.8 months."]
    assert [c.marker for c in checked.citations] == [1] and checked.table.rows == [["r1"]]
    assert checked.answer == "Two rows:\n- PFS was 7.8 months. [1]"
    assert len(checked.verifier) == 3


# ---------------------------------------------------------------- the web app's lazy start

def test_lazy_start_answers_lexically_until_the_embedder_arrives(built_settings, monkeypatch):
    """Assistant(lazy_dense=True) answers at once with keyword retrieval and says so; once the
    embedding model has loaded, answers use it and the notice is gone."""
    import threading

    from her2qa import embedding
    from her2qa.assistant import Assistant

    release = threading.Event()
    real = embedding.load_embedder

    def slow(name):
        release.wait(60)
        return real(name)

    monkeypatch.setattr(embedding, "load_embedder", slow)
    assistant = Assistant(built_settings, lazy_dense=True)
    early = assistant.ask("whats the DAR of enhertu")
    assert "keyword retrieval only" in early.notice and "approximately eight" in early.answer
    release.set()
    assistant.dense_loader.join(60)
    later = assistant.ask("whats the DAR of enhertu")
    assert later.notice == "" and assistant.retriever.embedder is not None


def test_concurrent_questions_get_the_same_answers_as_one_at_a_time(assistant):
    """The pipeline is shared by the web app's concurrent users: what one call retrieved and
    considered must not leak into another's (the verifier would then drop valid citations)."""
    from concurrent.futures import ThreadPoolExecutor

    questions = ["what did HER2CLIMB show", "which trials in table 2 are first line?", "half life of enhertu?",
                 "enhertu vs kadcyla design?", "what resistance mechanisms are discussed?", "whats the DAR of enhertu"]
    alone = {q: assistant.ask(q) for q in questions}
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(assistant.ask, questions * 3))
    for answer in together:
        expected = alone[answer.question]
        assert answer.answer == expected.answer and answer.verifier == expected.verifier
        assert [c.chunk_id for c in answer.citations] == [c.chunk_id for c in expected.citations]


# ---------------------------------------------------------------- typed forms

def test_a_cue_for_a_figure_must_start_a_word(assistant):
    # 'dar' (drug-to-antibody ratio) is inside 'standard' and 'secondary': neither asks for a figure.
    analyzer = assistant.analyzer
    assert not analyzer.analyze("is there a standard of care for 3rd line+ her2+ mbc?").wants_number
    assert analyzer.analyze("whats the dar of enhertu").wants_number
    assert analyzer.analyze("what were the doses used?").wants_number


def test_names_joined_by_plus_are_read_apart(assistant):
    assert assistant.analyzer.correct("perjeta+herceptin+docetaxel") == "perjeta + herceptin + docetaxel"
    # a status's sign is no '+' between names: two statuses are the subtype the review prints
    assert assistant.analyzer.correct("her2+ and hr+ disease") == "HR+/HER2+ disease"
    assert assistant.analyzer.correct("her2+ disease") == "her2+ disease"
    answer = assistant.ask("which trial set perjeta+herceptin+docetaxel as 1st line standard")
    assert not answer.abstained and "CLEOPATRA" in answer.answer


@pytest.mark.parametrize("question, table, rows", [
    ("which ongoing enhertu trials are phase 3", 2, {"DESTINY-Breast 06", "DESTINY-Breast 09", "DESTINY-Breast 12"}),
    ("which of the new her2 adcs have reached phase 3 in breast?", 1, {"Vic-trastuzumab duocarmazine", "Disitamab-vedotin"}),
    ("which enhertu trials are 1st line?", 2, {"DESTINY-Breast 06", "DESTINY-Breast 09"}),
])
def test_members_by_phase_come_from_the_tables(assistant, question, table, rows):
    # The text names trials without their phase or line; the tables give them per row.
    answer = assistant.ask(question)
    assert answer.table is not None and answer.table.title.startswith(f"Table {table}.")
    assert all(name in answer.answer for name in rows)
    assert len(answer.table.rows) == len(rows)


def test_a_combined_phase_asked_is_that_phase_not_either_of_its_numbers(assistant):
    # "phase I/II" is the combined phase (a row's I/II/III has it too); "phase 2 or 3" asks for either
    answer = assistant.ask("table 1 adcs in phase i/ii?")
    assert {row[0] for row in answer.table.rows} == {"A166", "BDC-1001", "Disitamab-vedotin"}
    answer = assistant.ask("which trials are phase 2 or 3 in table 2")
    assert "matching phase II or III" in answer.answer and len(answer.table.rows) == 8


def test_a_population_by_its_past_treatment_finds_the_trial_given_to_it(assistant):
    # trastuzumab and lapatinib say who was treated; kadcyla is the subject: TH3RESA's population
    answer = assistant.ask("kadcyla in pts who already had trastuzumab and lapatinib?")
    assert "TH3RESA" in answer.answer and len(answer.citations) == 1
    conversation = Conversation()
    assistant.ask("kadcyla emilia results?", conversation=conversation)
    answer = assistant.ask("ok and what about pts who already had both trastuzumab and lapatinib?", conversation=conversation)
    assert "kadcyla" in answer.resolved_question and "TH3RESA" in answer.answer


def test_ok_and_a_name_asks_the_last_question_about_that_name(assistant):
    conversation = Conversation()
    assistant.ask("what does the review say about alpelisib", conversation=conversation)
    answer = assistant.ask("ok and apitolisib?", conversation=conversation)
    assert answer.resolved_question == "what does the review say about apitolisib"
    assert "superior efficacy" in answer.answer and "Alpelisib" not in answer.answer


def test_that_study_after_a_drug_is_the_drugs_trial_and_how_many_had_something_is_a_share(assistant):
    conversation = Conversation()
    assistant.ask("what is tukysa exactly", conversation=conversation)
    assistant.ask("was it tested in people with brain tumors?", conversation=conversation)
    answer = assistant.ask("how many of the people in that study had them", conversation=conversation)
    assert "the tukysa study" in answer.resolved_question
    assert not answer.abstained and "approximately 45% in both arms" in answer.answer


def test_an_acronym_the_review_never_prints_is_unknown_but_a_shouted_word_is_not(assistant):
    # 'EMA' sits inside 'schema' and 'hematologic' but is no word of the review; 'URGENT' is shouting
    answer = assistant.ask("when did the EMA approve Enhertu in Europe?")
    assert answer.abstained and "EMA" in answer.answer
    assert not assistant.analyzer.known("EMA") and assistant.analyzer.known("ORR")
    assert not assistant.ask("URGENT: what is the DAR of enhertu").abstained


def test_a_name_joined_to_a_word_the_review_never_uses_is_unknown(assistant):
    answer = assistant.ask("what ORR does T-DXd give in HER2-ultralow tumors")
    assert answer.abstained and "HER2-ultralow" in answer.answer
    assert assistant.analyzer.known("TSC2-mutation-driven") and assistant.analyzer.known("HER2-signalling-related")


def test_tumour_shrinkage_asked_where_the_review_gives_no_response_rate_is_declined(assistant):
    answer = assistant.ask("what percent of people on tukysa had their brain tumors shrink")
    assert answer.abstained and "response rate" in answer.answer


def test_a_class_of_drugs_asked_keeps_only_drugs_of_that_class(assistant):
    # T-DM1 and T-DXd are approved too, but they are ADCs, not TKIs; 'Lapitinib' is the review's misprint
    answer = assistant.ask("name the tkis fda approved for her2+ metastatic bc")
    lead = answer.answer.splitlines()[0]
    assert lead == "3 agents are named: neratinib, tucatinib, lapatinib."
    assert "T-DM1" not in answer.answer and "emtansine" not in lead


def test_a_named_trial_scopes_the_figure_asked(assistant):
    # DESTINY-Breast01's median PFS must not stand in for DESTINY-Breast04's, which the review omits.
    answer = assistant.ask("what was the median pfs for enhertu vs chemo in destiny-breast04?")
    assert answer.abstained and "median PFS" in answer.answer


def test_brand_typos_are_mended(assistant):
    assert assistant.analyzer.correct("hercpetin kadcila nerlinx") == "herceptin kadcyla nerlynx"


@pytest.mark.parametrize("typed, read", [
    ("standard of care for 3rd line+ pts", "standard of care for third and later lines patients"),
    ("whats zw25 being combined w in the ph2", "whats zw25 being combined with in the phase II"),
    ("why is its use limited & what are they doing about it", "why is its use limited and what are they doing about it"),
    ("what is tdxd vs tdm1", "what is T-DXd vs T-DM1"),
    ("which trials are 2L?", "which trials are second-line?"),  # the review prints it hyphened
    ("why combine io w adcs", "why combine immunotherapy with adcs"),
    ("standard of care for third line and beyond?", "standard of care for third and later lines?"),
])
def test_shorthand_reads_as_the_reviews_words(assistant, typed, read):
    assert assistant.analyzer.correct(typed) == read


@pytest.mark.parametrize("typed, read", [
    ("hormone positive her2+ vs hormone negative", "HR+/HER2+ vs hormone negative"),
    ("ER+ HER2+ pts", "HR+/HER2+ patients"),
    ("HER2-positive and HR-negative disease", "HR−/HER2+ disease"),
    ("how common is triple negative bc", "how common is HR−/HER2− bc"),
    ("how many months longer did people live on enhertu", "how many months of OS on enhertu"),
])
def test_a_receptor_subtype_reads_as_the_review_prints_it(assistant, typed, read):
    assert assistant.analyzer.correct(typed) == read


def test_a_subtype_is_one_name_not_its_receptors(assistant):
    query = assistant.analyzer.analyze(assistant.analyzer.correct("incidence of HR+/HER2- vs HR-/HER2+"))
    assert query.entities == ["HR+/HER2−", "HR−/HER2+"]
    assert query.aliases["HR+/HER2−"] == ["HR+/HER2−"]  # not 'HER2', which every passage names


def test_a_reference_cue_is_a_whole_word(assistant):
    # 'doi' is a reference cue; 'doing' is not one.
    assert not assistant.analyzer.analyze("what are they doing about it").wants_reference
    assert assistant.analyzer.analyze("whats the doi of the emilia paper").wants_reference


@pytest.mark.parametrize("question, expected", [
    ("kadcyla vs tykerb+xeloda in emilia", ["9.6 vs. 6.4 months", "30.9 vs. 25.1 months"]),
    ("nerlynx+xeloda vs tykerb+xeloda how did they compare", ["2.2-month absolute difference"]),
    ("tykerb + herceptin vs tykerb alone after herceptin progression", ["12 weeks vs. 8.1 weeks", "EGF104900"]),
    ("tykerb + herceptin vs tykerb alone - was there an OS difference?", ["14 months vs. 9.5 months"]),
])
def test_regimens_compared_in_one_trial_get_that_trials_result(assistant, question, expected):
    # Two regimens (a shared part, a trial named, or "alone") meet in one paragraph: its results answer.
    answer = assistant.ask(question)
    assert answer.intent == "compare" and all(e in answer.answer for e in expected)


def test_the_same_regimens_compared_in_a_second_trial_are_told_too(assistant):
    # two phase III trials set lapatinib + capecitabine against capecitabine alone; the next trial in the
    # paragraph (trastuzumab + lapatinib vs lapatinib alone) is another comparison and stays out
    answer = assistant.ask("lap+cape vs cape alone")
    assert "8.4 months vs. 4.4 months" in answer.answer and "from 4.3 to 6.2 months" in answer.answer
    assert "12 weeks vs. 8.1 weeks" not in answer.answer


def test_two_drugs_compared_are_still_answered_side_by_side(assistant):
    answer = assistant.ask("enhertu vs kadcyla")
    assert [p.group for p in answer.points if p.group][:1] and {"enhertu", "kadcyla"} <= {p.group for p in answer.points}


def test_figures_asked_for_an_endpoint_the_review_only_names(assistant):
    # TH3RESA "demonstrated improved PFS and OS": no figure is given, and the answer says so.
    answer = assistant.ask("th3resa pfs and os numbers for kadcyla vs physician's choice?")
    assert answer.abstained and "no figures" in answer.answer and "TH3RESA" in answer.answer
    answer = assistant.ask("what were the pfs numbers in emilia?")
    assert not answer.abstained and "9.6 vs. 6.4 months" in answer.answer


# One question, one phrase its answer must hold — each a general rule, named.
ANSWER_HOLDS = {
    "radiation to a metastasis is the review's local therapy, not a topic it never covers":
        ("in HER2CLIMB could patients keep taking tucatinib after radiation for brain progression?",
         "treatment could be continued after local therapy"),
    "'it stops working' is failure, not a drug's limited use":
        ("is there a standard treatment once she's had 2 lines already and it stops working", "no standard of care"),
    "tumours that shrink are a response":
        ("how many patients on enhertu had their tumors shrink in destiny-breast01?", "60.9%"),
    "'in the authors' framing' asks what the review says, not which paper":
        ("Roughly what fraction of HER2+ patients still relapse despite anti-HER2 therapy, in the authors' framing?",
         "around 20% of patients"),
    "a topic's relevance to another is no topic the review lacks":
        ("summarize what the review says about HER2 heterogeneity and its relevance to neoadjuvant response",
         "absence of pathological complete response"),
    "'what would come next' after a drug stops working is what works after its failure":
        ("if kadcyla stops working what would usually come next?", "effective after T-DM1 failure"),
    "past the second treatment is the third and later lines":
        ("once someone is past the second treatment, is there a standard 3rd option everyone gets?",
         "no standard of care for metastatic BC in third and later lines"),
    "'still alive after 2 years' asks the overall survival rates, not a head count":
        ("in the tukysa study how many people were still alive after 2 years compared to the people who didnt get it",
         "44.9%"),
    "progression in the brain is the review's local progression":
        ("what if patients in HER2CLIMB progressed in the brain?", "treatment could be continued after local therapy"),
    "columns listed after a code name come from both tables":
        ("ARX788 payload, phase, and trial name?", "AS269"),
    "a design compared is how a drug was developed to work":
        ("Compare ZW25 and PRS-343: design and early clinical results.", "ECD4 (trastuzumab domain)"),
    "an acronym the review spells out is its long form (DCR)":
        ("what was the DCR of PRS-343", "disease control rate of 58%"),
    "an acronym for radiation to a metastasis (SRS) is local therapy":
        ("can tukysa be continued after SRS", "treatment could be continued after local therapy"),
    "SOC is the standard of care":
        ("is there a SOC for 3rd line", "no standard of care"),
    "the HER2 pills are the TKIs":
        ("which her2 pills are approved for metastatic her2 positive breast cancer", "lapatinib, neratinib, and tucatinib"),
    "a defined term may run to sixty characters":
        ("define intratumoral heterogeneity of her2 expression pls", "varying degrees of HER2 overexpression"),
    "'the bystander effect' is looked for as the review's rarely printed 'bystander', where it is defined":
        ("what is the bystander effect in adcs", "neighboring cells"),
    "British doubling ('trialled') is a form of the review's word, not a word it never uses":
        ("does the review mention pertuzumab being trialled with t-dxd?", "pertuzumab"),
    "'the X effect of Y' defines the effect (as the review words it, without 'effect'), not Y":
        ("whats the bystander killing effect of antibody drug conjugates", "neighboring cells"),
    "'X or Y, which came out on top in <trial>' sets the arms against each other with every result":
        ("tykerb + xeloda or nerlynx + xeloda, which came out on top in nala", "32.8% vs. 26.7%"),
    "'mOS'/'mPFS' are medians":
        ("db01 mpfs?", "16.4 months"),
    "'for this reason' after findings joined by 'additionally' brings the first finding":
        ("how come patricia-ii is restricted to pam50 luminal disease?", "only benefits patients with HR-positive disease"),
    "a set-aside clause opening with 'leaving aside' does not pull the set-aside name's rows":
        ("leaving aside SYD985, which ADCs in table 1 carry an MT inhibitor?", "ARX788"),
    "a why about a mechanism is answered from its own section (2.9 Src)":
        ("how does src cause hercpetin resistance?", "Src activation may lead to primary or acquired trastuzumab resistance"),
    "… and from 2.1 PI3K/AKT/mTOR, not the p95 passage":
        ("why does pi3k pathway activation lead to herceptin resistance", "loss of PTEN"),
    "'checkpoint inhibitors' and 'rationale' find the immunotherapy passage":
        ("whats the rationale for adding checkpoint inhibitors to anti-her2 tx", "CD8 T cells"),
    "'what do X do' is a definition: the defining sentence and the one after":
        ("what do tkis do in her2+ bc", "interrupting transduction cascades"),
    "'less toxic' is the review's 'reducing … (systematic) toxicity'":
        ("why are adcs less toxic than chemo?", "improves drug delivery to tumors"),
    "a design sentence asked for an endpoint reads on into the next, which gives it for 'the trial'":
        ("tykerb + xeloda vs xeloda alone, what pfs in the first phase 3?", "8.4 months vs. 4.4 months"),
    "the review's own subject (HER2+) is not required of a sentence: 'no standard of care … third'":
        ("any standard of care in 3rd line her2+ mbc?", "no standard of care"),
    "'bbb' is the blood–brain barrier (the review also writes 'brain–blood barrier')":
        ("does tucatinib get past the bbb?", "crossing of the brain–blood barrier"),
    "'tdm1+atezo' is two drugs, not one unknown name":
        ("kate2 tdm1+atezo pd-l1+ pfs?", "8.5 months vs. 4.1 months"),
    "'what is <trial>' no sentence defines is answered by the trial's design and results":
        ("whats the katherine trial", "1486 patients"),
    "a term asked in other words is defined where the review says it 'is defined as' (any word order)":
        ("meaning of her2 intratumoral heterogeneity?", "varying degrees of HER2 overexpression"),
    "'why isn't X used more' asks what limits it; 'its use is … limited' speaks of the paragraph's drug":
        ("why is nerlynx not used more often?", "diarrhea"),
    "two arms of a named trial meet where the trial is described, not in the sentence before it":
        ("kadcyla vs herceptin in katherine?", "88.3% vs. 77%"),
    "a head-to-head answer keeps the endpoint that did not differ, though it has no figure":
        ("nerlynx+xeloda vs tykerb+xeloda?", "no differences in OS"),
    "'what counts as X' is a definition; 'Its expression is defined as…' is read with the sentence naming 'its'":
        ("what qualifies as her2 3+ by ihc?", "complete circumferential membrane staining"),
    "a term no sentence defines is answered where the review describes it, not by its last word alone":
        ("what is a biparatopic adc", "ZW49 presents an innovative approach in the field of biparatopic ADCs"),
    "'whats meant by X' is a definition":
        ("whats meant by the TAM family", "TYRO3, AXL, and MERTK"),
    "drugs of a kind typed as a noun phrase are a list of their names":
        ("src-targeting drugs in development?", "dasatinib and saracatinib"),
    "a name the review spells out counts as itself in a sentence that prints its abbreviation":
        ("igf-ir blockers: any trials combining them with her2 therapy?", "Ongoing clinical trials"),
    "a second name typed in brackets that the review hardly prints is the same thing":
        ("orr of zw25 (zanidatamab) in its phase i?", "33% response rate"),
    "a section named by its number answers from that section":
        ("what approaches does sect 4.4 describe?", "bispecific antibodies, CAR-T"),
    "'which …' after a study named brings the next sentence that names them":
        ("which mutations did the bose et al. study identify?", "L755S, L755P, V777L"),
    "'hr' of an endpoint is its hazard ratio":
        ("whats the hr for pfs in the her2climb trial", "0.54"),
    "what we know about a drug is its overview":
        ("what do we know so far about SYD985", "TULIP"),
    "what an author found, asked as a noun phrase":
        ("her2 mutations bose et al found?", "D769H"),
    "a yes/no on a drug brings what its trial did in those patients":
        ("does tukysa work for brain mets or not?", "45%"),
    "one of the asker's people is no property asked":
        ("one of my pts is on enhertu - what % get ILD from it?", "13.6%"),
    "'what means' asks a definition":
        ("what means her2 heterogeneity in one tumor?", "varying degrees of HER2 overexpression"),
    "'whose is it' asks the paper":
        ("the EMILIA paper they cite, whose is it", "Verma"),
    "a regimen's own paper is the one titled by all its drugs":
        ("who wrote the paper on tukysa plus herceptin plus xeloda?", "Murthy"),
    "'promising results in studies' is no mechanism":
        ("how does AXL confer resistance to anti-her2 therapy", "bypass"),
    "a name typed first is what the question after it points at":
        ("AXL - how does that drive resistance?", "bypass"),
    "a quoted mechanism brings the sentence adding to it":
        ("how does AXL drive resistance to anti-her2 drugs", "MAPK/ERK"),
    "what it means when a tumour is something defines the state":
        ("what does it mean when a tumour is heterogeneous for HER2 expression",
         "varying degrees of HER2 overexpression"),
    "the drug just started is 'it'":
        ("my sister started enhertu, what kind of drug is it", "topoisomerase I inhibitor payload"),
    "a sample size is a head count":
        ("sample size in KATHERINE?", "1486"),
    "an open topic no section holds quotes each sentence naming it, across sections":
        ("anything in here on brain mets?", "more common than in HER2-negative BC patients"),
    "a term a context names is the 'that' asked after it":
        ("the future-directions part mentions 'targeted protein degradation' - what is that in plain terms?",
         "natural cellular mechanisms"),
    "the condition one has is what 'for that' points at":
        ("i have brain mets - is there an enhertu trial in the table just for that?", "NCT04752059"),
    "the imaging a finding was seen on is no topic asked":
        ("why are tykerb and tukysa considered useful when there's brain mets on MRI?", "blood–brain barrier"),
    "a purpose and its audience before a colon ask nothing":
        ("onboarding deck for new CRAs: what are the parts of an antibody-drug conjugate?", "three components"),
    "'The patients received…' comes with the trial told before it":
        ("what dose did they give in the big her2 low trial?", "DESTINY-breast04"),
    "how long people lived is overall survival":
        ("herceptin + tykerb together vs tykerb alone, was there a difference in how long people lived?",
         "14 months vs. 9.5 months"),
    "a hedge between 'and' and the next wh-word still starts a part":
        ("what share of all breast cancers are HER2+, and roughly what % of pts relapse despite anti-HER2 tx?",
         "15–20%"),
    "'in how they work' compares what each drug inhibits":
        ("whats the difference between tykerb and tukysa in how they work?", "highly selective for the kinase domain"),
    "a compound typed with a hyphen is the review's words written apart":
        ("total count of FDA-approved ADCs so far (all tumour types), per the review?", "thirteen"),
    "'get around' asks a mechanism":
        ("so how does AXL get around the her2 blockade?", "PI3K/AKT and MAPK/ERK"),
    "'mechanistically' asks a mechanism":
        ("mechanistically how does AXL drive resistance to anti-HER2 drugs?", "bypass the HER2 signaling pathway"),
    "'including X' asks X too":
        ("how is intratumoral HER2 heterogeneity defined, incl the Metzger criteria?", "fewer than 50%"),
    "a table named as a label scopes the question, and 'NCTs pls' asks no more":
        ("table 2: which T-DXd trials are first-line with PFS as primary endpoint? NCTs pls", "NCT04494425"),
    "what data exist on two compared drugs are their results":
        ("ZW25 vs ZW49: bispecific vs biparatopic ADC, what's the distinction and what data exist?",
         "33% response rate"),
    "a drug working whatever a condition is, is told where its class acts regardless of it":
        ("why would enhertu work when HER2 is low or patchy across the tumour?", "regardless of their HER2 expression level"),
    "a compared side set against the sentence before it brings that sentence":
        ("KATE2: all-comers vs the PD-L1+ subgroup, what was the difference w atezo added to kadcyla?",
         "not significantly different"),
    "'<term> - what are they, in a sentence or two?' asks what the term is":
        ("targeted protein degradation / PROTACs - what are they, in a sentence or two?", "trastuzumab-PROTAC conjugate"),
    "a question labelled as one asks no property called 'question'":
        ("mechanism question for the biomarker section: how exactly does MUC4 cause trastuzumab resistance?",
         "epitope-masking"),
    "'<trial> - what happened there?' asks the trial's overview":
        ("PATRICIA trial (palbo + trastuzumab) - what happened there?", "only benefits patients with HR-positive disease"),
    "two drugs named before 'each one' are the sides compared":
        ("the doctor is choosing between nerlynx or tukysa for my mom. what the review say about side effects of each one?",
         "minimal inhibition of EGFR"),
    "', and any …' starts a part of its own":
        ("what's ZW25 being combined with in phase 2, and any tolerability issues in phase 1?",
         "palbociclib and fulvestrant"),
    "a sentence told before a comparison is no part of its first side":
        ("had residual disease after chemo and surgery. kadcyla vs herceptin afterwards - how different were they in KATHERINE?",
         "88.3% vs. 77%"),
    "where the review sets out how one drug differs from the other is quoted":
        ("kadcyla vs enhertu - linker and payload differences?", "Key biochemical differences"),
    "a problem that limits a drug's use brings what the review says is done about it":
        ("side effects of nerlynx?", "antidiarrheal prophylaxis"),
    "a role introduced with 'here' is who asks, not a term asked":
        ("biostat here - in EMILIA what OS medians and HR does the review report?", "30.9 vs. 25.1 months"),
    "'which specific ones' asks for every member":
        ("HER2 mutations without amplification - which specific ones did Bose et al report?", "L755S"),
    "'one-line definition for a slide' asks what the term is":
        ("bystander killing — one-line definition for a journal club slide?", "neighboring cells"),
    "'quick check before …' says why it is asked":
        ("quick check before i translate the intro - roughly what share of patients still relapse despite anti-HER2 therapy?",
         "around 20%"),
    "a name the review lacks, given as an example beside one it has, declines nothing":
        ("source for the KATE2 biomarker analysis (PD-L1, TILs etc)?", "Emens"),
    "a range of HER receptors is each of them":
        ("has blocking HER1-3 together been shown to overcome resistance?", "triple inhibition"),
    "where a name was seen in a table, then a question about it, asks what it is":
        ("ZW49 shows up in table 1, what kind of drug is it", "biparatopic"),
    "who asked me about a trial, then 'what was it', asks the trial's overview":
        ("a patient's daughter asked me about the KATHERINE trial. what was it and what did it find?", "14 cycles"),
    "what everyone keeps saying before the question is who asks":
        ("just started kadcyla and everyone keeps saying it's an 'ADC'. what parts is an ADC made of?",
         "an antibody directed to a cell surface protein"),
    "an enumerating sentence opening with a pronoun gets its antecedent":
        ("what parts is an ADC made of?", "[ADCs]"),
    "'what's the proposed mechanism' asks why":
        ("what's the proposed mechanism for src-driven trastuzumab resistance?", "HER1 and HER2"),
    "'<someone's> check on … -' says why it is asked":
        ("pharmacy check on an enhertu order - what dose/schedule of T-DXd did DESTINY-Breast04 use?", "5.4 mg/kg"),
    "a figure heard of, then asked for, is that figure of that drug":
        ("the nurse said enhertu has a really high DAR. what number is it", "approximately eight"),
    "what both sides were given with is part of each regimen":
        ("nerlynx vs tykerb (both w xeloda) - which one did better?", "32.8% vs. 26.7%"),
    "'as used here' scopes a definition to the review":
        ("define intratumoral HER2 heterogeneity as used here", "16–36%"),
    "'quick definition of X as the review uses it' asks what X is":
        ("quick definition of liquid biopsy as the review uses it", "non-invasive"),
    "where the review says a topic matters for treatment answers why it matters":
        ("why does it matter if HER2 is patchy inside a tumour?", "plays an important role in the treatment"),
    "a state heard of, then 'why does that …', asks the why of that state":
        ("the oncologist told my client her tumor is 'heterogeneous'. why does that make treatment harder?",
         "absence of pathological complete response"),
    "'what was it compared to' after another question is a part of its own":
        ("who was in TH3RESA and what was it compared to?", "physician treatment choice"),
    "a named target blocked is the review's inhibition of it":
        ("does blocking CDK4/6 actually help in the lab?", "increased tumor growth inhibition"),
    "CNS metastases are the review's brain metastases too":
        ("anything in this review on CNS mets?", "approximately 45%"),
    "'a study called X' names X, no topic 'called'":
        ("the review mentions a kadcyla study called TH3RESA, where was that published", "Krop"),
    "a target typed in lower case and blocked is the review's inhibition of it, and 'does it help' its benefit":
        ("so does blocking cdk4/6 help", "CDK4/6 inhibition can improve the response"),
    "a trial's design asked, then what came out of it, is one overview of both":
        ("monarcHER - what was the design and what came out of it?", "8.3 months vs. 5.7 months"),
    "a quoted term told before a comma is what 'that' asks about":
        ("la doctora wants a 'liquid biopsy' for my mom, what is that exactly", "non-invasive technique"),
    "'what does that mean as a type of drug' after a quoted class":
        ("mom's doctor called tukysa a 'TKI', what does that mean as a type of drug?", "tyrosine kinase inhibitors"),
    "a finding a note mentions, then why that matters":
        ("screening note mentions a MET aberration - why does that matter for anti-HER2 response?",
         "poorer responses to anti-HER2 therapies"),
    "a definition wanted, and what it is for":
        ("need a clear definition of HER2-low for our inclusion criteria", "IHC score of 1+ or 2+"),
    "the task at hand before a dash asks nothing":
        ("screening for a her2-low study - what T-DXd dose did destiny-breast04 use?", "5.4 mg/kg"),
    "a trial typed with a lower-case first letter is the trial overviewed, not the drug named before it":
        ("verzenio in HER2+ disease - what's the story with monarcHER?", "enrolled 237"),
    "a table footnote's abbreviation used inside the values is spelled out":
        ("what payloads do disitamab vedotin and ARX788 carry, per table 1?", "MT: microtubules"),
    "'one of those' after a quoted kind is a member of that kind":
        ("a friend is on kadcyla and called it an 'ADC'. what parts is one of those made of?", "three components"),
    "'what is that in the HER2 context' asks what the term is":
        ("targeted protein degradation / PROTACs - what is that in the HER2 context?", "molecular glues"),
    "a kind of a name, asked before the name, is where the review names that kind":
        ("what is a biparatopic ADC?", "biparatopic ADCs"),
    "a condition told in one's own words before a yes/no is what it asks under":
        ("if my brain spot grows and i get radiation, could i stay on the tukysa combo?",
         "treatment could be continued after local therapy"),
    "a drug's name as the label before 'what happened in <trial>'":
        ("nerlynx - what happened in the NALA trial? my mom might get it", "32.8% vs. 26.7%"),
    "a question asking a trial's overview after a context and a dash is that overview":
        ("got a call about nerlynx in the metastatic setting - what's the NALA trial about?", "no differences in OS"),
    "'even with' a treatment is despite it":
        ("whats the chance the cancer comes back even with her2 drugs? just a rough %", "around 20%"),
    "a year asked 'for metastatic breast cancer' needs no sentence naming the review's own subject":
        ("what year did kadcyla first get FDA approval for metastatic breast cancer?", "In 2013"),
    "'the actual paper for' a trial asks its reference":
        ("whats the actual paper for the EMILIA trial? i want to try reading it myself", "Verma"),
    "'the full cite' asks the reference":
        ("bose et al activating HER2 mutation paper - what's the full cite?", "Cancer Discov. 2013"),
    "what is being combined in a trial's arms is its table row, no property missing":
        ("what's being combined with T-DXd across the DESTINY-Breast 07 arms?", "T-DXd plus Tucatinib"),
    "'need a one-liner' says how to answer":
        ("how is 'HER2-low' defined? need a one-liner", "IHC score of 1+ or 2+"),
    "brain metastases that grew are the review's local progression":
        ("in the tukysa trial, if the brain mets grew could people keep going on the drug?",
         "treatment could be continued after local therapy"),
    "a drug of a class named by its target, then examples, asks of the class":
        ("why would a cdk4/6 drug like ibrance or verzenio even matter for her2+ resistance?", "activate CDK4 and CDK6"),
    "'in plain words for the group -' says how to answer and for whom":
        ("in plain words for the group - what are the parts that make up an ADC like kadcyla or enhertu?", "three components"),
    "how much HER2 one has is its expression level, and telling if a drug will work is predicting it":
        ("will a test of how much HER2 my mom has tell us if kadcyla will work for her?",
         "not predictors of the benefits of T-DM1"),
    "'where are they in development' asks each side's phase":
        ("apitolisib vs alpelisib: what do they hit and where are they in development?", "currently undergoing phase II"),
    "a trailing 'need NCTs' asks the identifiers of the rows, no filter of its own":
        ("phase III trials in table 2? need NCTs", "NCT04494425"),
    "a care topic told in a statement before the question is why one asks, not what":
        ("her liver biopsy is being repeated. how often does HER2 status change between the primary and the metastasis?",
         "9–60%"),
    "a trial named in a statement before 'what did that trial find' is the one asked":
        ("my mother had cancer left at surgery and her oncologist brought up the KATHERINE trial. what did that trial find?",
         "88.3% vs. 77%"),
    "a journalist's lede is a purpose, asking nothing":
        ("one number for my lede - what share of breast cancers are HER2 positive?", "15–20%"),
    "'do they cite' asks the paper behind the drug's trial":
        ("i'd like to read the real tucatinib trial paper. which one do they cite?", "Murthy"),
    "surgery typed beside radiation for a metastasis is local therapy":
        ("in HER2CLIMB, if brain mets grew, could patients continue tucatinib after surgery or radiation?",
         "treatment could be continued after local therapy"),
    "'if someone on X' names who is treated, no property of X":
        ("if someone on tucatinib gets local progression in the brain can they keep taking it?",
         "treatment could be continued after local therapy"),
    "an example after the term defined keeps it a definition and tells the example":
        ("what's a biparatopic ADC, e.g. ZW49?", "N-acyl sulfonamide auristatin"),
    "what an oncologist mentioned is what 'that' stands for":
        ("the oncologist mentioned cyclin D1 for a trastuzumab patient - how does that drive resistance?",
         "activate CDK4 and CDK6"),
    "'does that mean X will work better' asks whether a level predicts benefit":
        ("if his tumour has very high HER2, does that mean T-DM1 will work better?", "not predictors of the benefits of T-DM1"),
    "'going thru' is everyday wording, no topic the review lacks":
        ("which DNA mutations does the review say are biomarkers going thru clinical validation?", "ESR1, PARP, BRCA"),
    "'- mechanistically how?' after a name asks how it acts":
        ("AXL and resistance - mechanistically how?", "PI3K/AKT and MAPK/ERK"),
    "'ok probably a dumb question but' asks nothing":
        ("ok maybe a dumb question but what exactly is an ADC", "three components"),
    "'plain-language question for a leaflet:' is a purpose, asking nothing":
        ("plain-language question for a brochure: what is an antibody-drug conjugate?", "three components"),
    "a purpose of several words before the colon asks nothing":
        ("intro slide for our new lab members: which parts make up an ADC?", "three components"),
    "'explaining X to someone - … make one up' asks of X":
        ("explaining ADCs to a new grad in clinic - what are the parts that make one up?", "three components"),
    "what a nurse keeps saying, told after the question, is no question of its own":
        ("what actually is an ADC? the nurse keeps saying it about kadcyla", "sophisticated new molecules"),
    "'so hard to keep people on X' asks what limits its use":
        ("why is it so hard to keep people on nerlynx?", "high incidence of diarrhea"),
    "a term asked with a trailing 'X etc' stays a definition":
        ("what is targeted protein degradation for HER2? PROTACs etc", "PROTACs and molecular glues"),
    "a topic spread over the review is told from each place it is named":
        ("anything in here about CNS/brain mets?", "approximately 45% in both arms"),
    "two drugs listed in a why are asked as the class the review titles their part by":
        ("why would you add ibrance or verzenio to anti-her2 therapy?", "activate CDK4 and CDK6"),
    "'HER2+ disease' is the review's HER2-positive, no scope of a year":
        ("when did T-DM1 first get approved by the FDA for metastatic HER2+ disease?", "2013"),
    "a topic joined to a drug by 'together with' or 'adding … to' is what the overview is about":
        ("anything on adding checkpoint inhibitors to kadcyla?", "94.3% vs. 87.9%"),
    "'which specific variants' after a topic asks the members the study's next sentence names":
        ("HER2 mutations w/o amplification - which specific variants did Bose et al. report?", "V777L"),
    "'quick def of X as used here (Y etc)' defines X":
        ("quick def of targeted protein degradation as used here (PROTACs etc)", "PROTACs and molecular glues"),
    "'X / Y, as it relates to HER2' defines X":
        ("what's targeted protein degradation / PROTACs as it relates to HER2?", "PROTACs and molecular glues"),
    "a term a doctor 'called' a drug is the term asked":
        ("my doctor called nerlynx a 'TKI' - what is a TKI?", "interrupting transduction cascades"),
    "'a report mentions X - why would that matter' asks about X":
        ("biopsy report mentions cyclin D1 overexpression - why would that matter for herceptin?",
         "decreased sensitivity to anti-HER2 drugs"),
    "'X - what is it and how …' defines X in its first part":
        ("targeted protein degradation - what is it and how is it used against HER2?", "PROTACs and molecular glues"),
    "'markers' are the review's biomarkers":
        ("in the kadcyla + atezolizumab trial, which immune markers looked linked to better PFS?",
         "tumor-infiltrating lymphocytes"),
    "'the same family' after 'apart from X' is X's family":
        ("apart from HER2, which receptors are in the same family?", "HER4"),
    "'give me every NCT number' for a drug lists the ones the review gives":
        ("SYD985 - give me every NCT number mentioned for it", "NCT04235101"),
    "'primary-to-met' HER2 change is the review's oscillation from primary to metastasis":
        ("intratumoral HER2 heterogeneity vs primary-to-met change — what % does the review give for each?", "9–60%"),
    "a trial given as an example of a topic leaves the topic asked":
        ("what does the review say on liquid biopsy, e.g. PLASMA-MATCH?", "non-invasive technique"),
    "'and did anyone die from it' is a question of its own":
        ("my dad is on enhertu, the nurse said it can cause lung problems. in the big trial how many people got that "
         "and did anyone die from it?", "13.6%"),
    "a drug that 'works less well' meets resistance to it":
        ("why would a PIK3CA mutation make herceptin work less well?", "leads to resistance to HER2-targeting therapies"),
    "', and can X fix that?' is a question of its own":
        ("how does cyclin D1 overexpression cause resistance to her2 drugs, and can ibrance type drugs fix that?",
         "activate CDK4 and CDK6"),
    "'give me the design and the main numbers' is an overview":
        ("HER2CLIMB - give me the design and main numbers", "26.6%"),
    "'X section - what's covered?' is that section's overview":
        ("the liquid biopsy section - what's covered?", "non-invasive technique"),
    "'what was the design and what did it show' is one overview":
        ("NALA - what was the design and what did it show?", "no differences in OS"),
    "'in plain terms, what is X?' is a definition of X":
        ("in simple terms, what is an antibody-drug conjugate?", "reducing systematic toxicity"),
    "NGS is the review's next-generation sequencing":
        ("her NGS report shows a TSC2 mutation - any known way around that resistance?", "palbociclib and lapatinib"),
    "a sentence opening on a bare pronoun after the term is part of its definition":
        ("whats AXL exactly?", "bypass the HER2 signaling pathway"),
    "an overview keeps the sentence that goes on about the name with a bare pronoun":
        ("tell me about IGF-IR", "modulation of the tumor microenvironment"),
    "a definition asked beside a statement of what the asker heard is the definition alone":
        ("whats bystander killing - my onc mentioned it about enhertu", "crosses the cellular membrane"),
    "a definition asked after a statement ('… are both ADCs... what is an ADC') is the definition alone":
        ("kadcyla and enhertu are both called ADCs... what is an ADC in simple words?", "reducing systematic toxicity"),
    "'quick one -' before a question asks nothing":
        ("quick one - how is HER2-low defined?", "1+ or 2+"),
    "'new to X -' tells who asks":
        ("new to oncology pharmacy - what's a TKI in plain terms?", "interrupting transduction cascades"),
    "'dumb question maybe but' is an apology, not the question":
        ("dumb question maybe but what is HER2 actually? my report said positive", "ErbB/HER family"),
    "'give me the key X numbers' is X's overview, 'for a model input sheet' what it is for":
        ("give me the key HER2CLIMB numbers for a model input sheet", "44.9%"),
    "'any risk of X' asks how often, which a printed rate gives; lung fibrosis is an interstitial lung disease":
        ("any risk of lung fibrosis with enhertu?", "13.6%"),
    "names told after the question with 'etc' are examples of the topic, whose section is asked":
        ("what does the review say about liquid biopsy for resistance? PLASMA-MATCH etc", "non-invasive technique"),
    "'what makes X count as Y' asks a criterion in the words of asking, no topic":
        ("what makes a tumour count as HER2 3+?", "more than 30%"),
    "'what exactly counts as X' is a definition of X":
        ("what exactly counts as intratumoral heterogeneity?", "fewer than 50%"),
    "'how does this review define X' is a definition of X":
        ("how does this review define liquid biopsy?", "non-invasive technique"),
    "'saw X in a table - what kind of drug is it?' asks of X":
        ("saw ZW49 in a table - what kind of drug is it?", "biparatopic ADCs"),
    "'anything useful on X' is X's overview":
        ("anything useful on brain metastases in here?", "more common than in HER2-negative"),
    "a condition on other drugs than those asked tells when, not what":
        ("if herceptin stops working - was enhertu ever compared head to head with kadcyla?", "two ADCs"),
    "'the X vs Y trial' is one trial asked about, not a comparison":
        ("was the enhertu vs kadcyla trial the first phase III to compare two ADCs?", "DESTINY-Breast03"),
    "a class asked as such after a drug told asks of the class":
        ("my dad is on kadcyla. what are the parts of an ADC?", "an antibody directed to a cell surface protein"),
    "someone close told of without a 'my' is context; how a drug works is the same whatever it is given with":
        ("dad is starting tykerb with xeloda. how does tykerb work?", "competing with the antitumor ATP"),
    "'co-blocking X' is X's inhibition, and 'A+B' names both":
        ("any evidence that co-blocking HER3 (or HER1+HER3) with HER2 overcomes resistance?", "triple inhibition"),
    "'X vs Y in <population> patients, which one …' compares the two regimens":
        ("Tykerb+Xeloda vs Tykerb+Herceptin in trastuzumab-refractory patients, which one improved OS?",
         "14 months vs. 9.5 months"),
    "'alive at one year' is the rate at 12 months":
        ("how many were alive at one year with T-DXd?", "86.2%"),
    "'what % of all bc cases' is the share a subtype accounts for":
        ("what % of all bc cases are her2+?", "15–20%"),
    "what the answer is for, told after a question naming its subjects, is no part of it":
        ("monarcHER vs PATRICIA - which pts got benefit in each? thinking verzenio vs ibrance for a HR+/HER2+ patient",
         "triple combination"),
    "a statement typed straight on into 'what does X mean' gives the term in full":
        ("wifes pathology report says her2 3+ what does 3+ actually mean", "more than 30%"),
    "'in this paper' after a definition beside a statement is where to look, not a pointer back":
        ("my path report says her2 1+ and the nurse called it 'her2 low'. what does her2-low mean in this paper?",
         "1+ or 2+"),
    "'who first showed …' asks for the paper behind it":
        ("who first showed activating her2 mutations without amplification in resistant patients? need the citation",
         "Cancer Discov. 2013"),
    "'where does that stat come from' asks for the source, on topic":
        ("where does the 2.26 million bc cases in 2020 stat come from", "Global Cancer Statistics 2020"),
    "a trial id asked of a name is its table row's identifier":
        ("whats the trial id for ZW49?", "NCT03821233"),
    "phase and trial id asked of one name come from its row together":
        ("what phase is ZW49 at and whats the trial id?", "ZWI-ZW49-101 (NCT03821233)"),
    "a premise that two drugs are alike, after a why, is what the answer corrects":
        ("why would enhertu still work after kadcyla stops working if theyre both basically herceptin + chemo?",
         "bystander killing effect"),
    "'who did best' in a trial is the subgroup it benefits":
        ("who did best in PATRICIA?", "only benefits patients with HR-positive disease"),
    "'in this context' after a term is the review's scope: the whole defining paragraph":
        ("what's targeted protein degradation / PROTACs in this context", "trastuzumab-PROTAC conjugate"),
    "'the same scenario was observed' after a study's finding is that finding again":
        ("what did Metzger et al find about her2 heterogeneity", "poor response to trastuzumab and T-DM1"),
    "'past the second line' is the third and later lines, not the second line's sentences":
        ("Is there a standard treatment once youre past the second line? Im 76 and on my third drug now",
         "no standard of care"),
    "a standard treatment asked for is the review's standard of care":
        ("mum already had 2 treatments for the metastasis. is there a standard treatment for the third line?",
         "no standard of care"),
    "'the X axis' is the review's X pathway":
        ("which drugs targeting the PI3K/AKT/mTOR axis come up in the review?", "ipatasertib"),
    "that a drug won, granted in a why, is no part of what is asked":
        ("why dont more patients get nerlynx if it beat tykerb?", "high incidence of diarrhea"),
    "'that group' after a statement naming a group is that group":
        ("i was told my cancer is 'her2 low'. did enhertu actually help people live longer in that group?",
         "significantly improved PFS and OS"),
    "'which patients got the benefit' asks a population, not a figure":
        ("which patients got the pfs benefit with everolimus?", "hormone receptor (HR)-negative"),
    "'which trial/paper' asks for the paper too":
        ("which trial/paper set pertuzumab-trastuzumab-docetaxel as first line standard here?", "Swain S.M."),
    "managing a side effect is the review's prophylaxis and tolerability":
        ("does the review say anything about managing nerlynx diarrhea?", "antidiarrheal prophylaxis"),
    "a drug in a group that is a name of its own is the drug's paragraph about that group":
        ("what about enhertu in HER2-low, whats the data?", "5.4 mg/kg every three weeks"),
}


# rule -> (question, what the decline names)
DECLINED_NAMING = {
    "a figure asked after a label ('X + Y + Z - what were the pfs numbers?') needs a figure, which the review lacks":
        ("everolimus + herceptin + paclitaxel - what were the actual pfs numbers?", "does not report"),
    "a condition named by its -osis that the review never names":
        ("any data on radionecrosis with kadcyla?", "radionecrosis"),
    "bone metastases, which the review never discusses":
        ("does the review say anything about bone mets, like zometa with enhertu?", "bone"),
    "who makes a drug, which the review never says":
        ("who makes kadcyla?", "who makes the drug"),
    "a dose asked with one's own after it ('mine is …') is still the dose":
        ("what is the standard dose of tucatinib? mine is 2 pills twice a day", "dose"),
    "results asked of a drug the review does not name":
        ("which FGFR4 inhibitor drugs are combined with anti-HER2 therapy, and any response data?", "FGFR4"),
    "a figure asked 'just for the patients with' a condition is that subgroup's":
        ("what was the HER2CLIMB PFS only for patients with brain mets?", "brain metastases subgroup"),
    "a brand whose drug the review never names": ("was kisqali ever tried with herceptin for her2 positive? what happened",
                                                   "ribociclib"),
    "infusion practicalities": ("how long the kadcyla infusion takes?", "infusion"),
    "an age subgroup": ("is there any age subgroup data, like pts over 75, for T-DXd or tucatinib in this review?",
                        "age subgroup"),
    "a dose asked with its expected unit and schedule": ("what's the usual dose of tucatinib? mg twice a day?", "dose"),
    "a dose asked, then what the answer is for": ("what dose of tukysa was given in HER2CLIMB? want to check dad's prescription",
                                                   "dose"),
    "a population by sex, which the review never sets apart": (
        "does the review say anything about how men respond to enhertu?", "men"),
    "whether a trial the review only names as running met its endpoint": ("did TULIP hit its primary endpoint?", "TULIP"),
    "examples in brackets none of which the review names": (
        "which specific PIK3CA hotspot mutations (e.g. H1047R vs E545K) predict anti-HER2 resistance?", "H1047R"),
    "whether a trial only listed in a table met its endpoint": ("did DESTINY-Breast 06 meet its primary endpoint?",
                                                                "reports no results"),
    "how a side effect runs its course, which the review never says": (
        "does the diarrhoea on tukysa usually settle down after the first few weeks?", "settle"),
    "a trial named in the purpose before the question is the question's": (
        "for a DB-04 eligibility talk: what was the median PFS in months for T-DXd vs chemo?", "DESTINY-Breast04"),
}


@pytest.mark.parametrize("rule", DECLINED_NAMING)
def test_declined_naming_what_is_missing(assistant, rule):
    question, named = DECLINED_NAMING[rule]
    answer = assistant.ask(question)
    assert answer.abstained and named in answer.answer, answer.answer[:400]


# rule -> (question, phrases the answer holds, phrases it must not hold)
ANSWER_HAS = {
    "a phase 'or later' is that phase and every one after it":
        ("Table 1: which ADCs have reached phase II or later in breast cancer?",
         ("Vic-trastuzumab duocarmazine", "ARX788", "Disitamab-vedotin", "phase II or later"), ("ZW49",)),
    "a drug that stopped working is a drug that failed, not resistance asked of a drug made to stop working":
        ("does enhertu work after kadcyla stops working?", ("effective after T-DM1 failure",), ()),
    "a question naming a trial is answered from its passages, not from table rows of other trials sharing its words":
        ("what orr and pfs did enhertu get in DESTINY-Breast01?", ("60.9%", "16.4 months"), ("does not report",)),
    "figures told between two sentences quoted from one paragraph are part of the run they begin and end":
        ("how common is HER2+ vs HR+/HER2- breast cancer? incidence per 100k", ("87.2", "12.6", "5.1"), ()),
    "a setting typed in everyday words ('after surgery when theres leftover cancer') finds the trial set in it":
        ("kadcyla vs herceptin after surgery when theres leftover cancer — whats the difference in results?",
         ("KATHERINE", "0.50", "88.3%"), ("In 2013",)),
    "a finding in an overview keeps the 'However, this finding …' that qualifies it":
        ("what did CLEOPATRA show about low HER2 expression?", ("0.83", "did not predict a better response"), ()),
    "a pair of drugs asked together keeps to the sentences giving that pair, and what the study showed of it":
        ("would ibrance + herceptin help if the cancer is hormone receptor negative?",
         ("only benefits patients with HR-positive disease",), ("everolimus",)),
    "'what evidence is there' beside a compared aspect is each side's results":
        ("alpelisib vs apitolisib - what does each one target and what evidence is there?",
         ("selective inhibitor of PI3Kα", "phase II clinical trials", "superior efficacy"), ()),
    "two terms set side by side, then asked how they are defined, stay a comparison":
        ("her2-low vs her2 3+, how are they defined", ("1+ or 2+", "more than 30%"), ()),
    "a compared side's quoted result brings the 'However, …' that qualifies it":
        ("lapatinib vs neratinib - how do they differ mechanistically", ("no differences in OS were observed between arms",),
         ()),
    "'in what they block' compares what each drug inhibits":
        ("nerlynx vs tukysa: how do they differ in what they block and in side effects?",
         ("pan-HER inhibitor", "minimal inhibition of EGFR"), ()),
    "what someone close was told, after the question, asks nothing":
        ("roughly what share of all breast cancers are HER2 positive? wife's oncologist said it isn't rare",
         ("15–20%",), ("does not say",)),
    "a regimen's second trial against the same control, typed by brand names, is quoted too":
        ("tykerb+xeloda vs tykerb+herceptin - did either one improve OS?", ("75.0 weeks", "14 months vs. 9.5 months"), ()),
    "two comparisons set against each other are each compared where their arms met":
        ("tykerb + xeloda vs xeloda alone, compared with tykerb + herceptin vs tykerb alone - which improved OS?",
         ("**tykerb + xeloda vs xeloda alone**", "75.0 weeks", "**tykerb + herceptin vs tykerb alone**",
          "14 months vs. 9.5 months"), ()),
    "a side of one drug that the other side adds to is that drug alone":
        ("herceptin+tykerb vs tykerb: OS?", ("14 months vs. 9.5 months",), ("8.4 months",)),
    "one name typed twice in different case is one side":
        ("Lapatinib + capecitabine versus lapatinib + trastuzumab: which one improved overall survival?",
         ("14 months vs. 9.5 months",), ("**lapatinib**",)),
    "a remark after the question on who brought it up asks nothing":
        ("what does HER2-low mean? onc mentioned it", ("1+ or 2+",), ("onc mentioned",)),
    "trials chosen by line and endpoint are the rows of the table that sets them out":
        ("which ongoing enhertu trials are first-line with PFS as the endpoint?", ("DESTINY-Breast 06", "DESTINY-Breast 09"), ()),
    "two terms set side by side before '...' are compared as the review defines them":
        ("her2-low vs her2 3+ ... whats the actual difference on the path report?", ("1+ or 2+", "more than 30%"), ()),
    "a contraction typed in capitals is no name the review lacks":
        ("in table 1 which ADCs DON'T carry a microtubule-inhibitor payload?", ("Table 1",), ("DON",)),
    "'was X better than Y + Z' is answered where the two regimens met, with the result added after":
        ("was kadcyla actually better than tykerb + xeloda?", ("9.6 vs. 6.4 months", "lower toxicity profile"), ()),
    "two trials named beside the regimens typed are the sides compared":
        ("verzenio+herceptin trial vs the ibrance+herceptin one - how do monarcHER and PATRICIA stack up?",
         ("237", "71 patients"), ()),
    "a pair of arms given in brackets after its trial's name is one of two comparisons":
        ("lapatinib + cape vs cape alone compared with EGF104900 (lapatinib + trastuzumab vs lapatinib) - which one got an "
         "OS benefit?", ("8.4 months vs. 4.4 months", "14 months vs. 9.5 months"), ()),
    "a face typed after what one tells ends it, and an open topic names itself":
        ("scan showed spots in my brain :( anything in there about brain mets?", ("approximately 45%",), ("does not mention",)),
    "ER+ is the review's HR-positive":
        ("any trials for ER+ HER2+ patients with cdk4/6 inhibitors?", ("HR-positive",), ("does not mention",)),
    "two sides' early data are their results":
        ("ZW25 vs PRS-343 — how do these two bispecifics differ in design and early data?",
         ("33% response rate", "disease control rate of 58%"), ()),
    "two comparisons set against each other after the question's opening":
        ("how did tykerb + xeloda vs xeloda alone compare with tykerb + herceptin vs tykerb alone?",
         ("from 4.3 to 6.2 months", "12 weeks vs. 8.1 weeks"), ()),
    "what the review says about a topic no section is titled by is not its abstract":
        ("what does the review say about brain mets?", ("more common than in HER2-negative",), ("15–20% of all breast cancer",)),
    "a hedge before a term compared ('properly HER2 3+') is no part of it":
        ("whats the difference between HER2-low and properly HER2 3+ on the path report?", ("1+ or 2+", "more than 30%"), ()),
    "'had surgery' is the setting after surgery, no topic the review lacks":
        ("mom had surgery and they said some cancer was still there after chemo. kadcyla vs herceptin in that situation - "
         "what were the numbers?", ("14 cycles of adjuvant T-DM1",), ("does not mention",)),
    "aspects listed after a dash keep a comparison, a measure among them":
        ("structurally how do t-dm1 and t-dxd differ - linker, payload, DAR?",
         ("non-cleavable linker", "tetrapeptide-based cleavable linker", "approximately eight"), ()),
    "how two sides did early on is their results":
        ("ZW25 vs PRS-343 - how do the two bispecifics differ and how did they do early on?",
         ("33% response rate", "disease control rate of 58%"), ()),
    "a purpose the answer is written for ('for a lay summary:') asks nothing":
        ("for a lay summary: roughly what share of breast cancers are HER2-positive, and how many people still relapse?",
         ("15–20%", "around 20%"), ()),
    "two terms set side by side, then one question asked of each":
        ("intratumoral HER2 heterogeneity vs primary-to-met discordance, how often does each happen?", ("16–36%", "9–60%"), ()),
    "what a review is about, hedged, is still its abstract":
        ("whats this review about basically", ("mechanisms underlying resistance",), ()),
    "rows that DON'T carry a payload class typed with a hyphen, spelled out by the footnote":
        ("which ADCs in table 1 DON'T carry a microtubule-inhibitor payload?",
         ("Vic-trastuzumab duocarmazine", "BDC-1001"), ("ARX788", "ZW49")),
    "'these 2 bispecifics' says what the sides are, not what to compare":
        ("PRS-343 vs ZW25 - how do these two bispecifics differ?", ("33% response rate", "58%"), ()),
    "'as PI3K-pathway drugs' says what the sides are, not what to compare":
        ("apitolisib vs alpelisib, how do they differ as PI3K pathway drugs?", ("phase II", "combination with T-DM1"), ()),
    "'a quick contrast of X and Y' compares the two":
        ("quick contrast of PATRICIA and monarcHER for a briefing note?", ("237", "71 patients"), ()),
    "'which has the scarier side effects, X or Y' compares their safety":
        ("enhertu or kadcyla - which one has scarier side effects?", ("13.6%", "lower toxicity profile"), ()),
    "'which is rougher side-effect wise' after a condition compares the two named":
        ("if dad needs a pill later, which is rougher side-effect wise, nerlynx or tukysa?",
         ("high incidence of diarrhea", "favorable toxicity profile"), ()),
    "'early numbers' are each side's results":
        ("ZW25 vs PRS-343, both bispecifics? how are they different and what early numbers?",
         ("33% response rate", "58%"), ()),
    "'selectivity' is printed as 'selective'":
        ("apitolisib vs alpelisib - selectivity and how far along?", ("selective inhibitor of PI3Kα", "phase II"), ()),
    "a payload kind 'including' another adds its rows":
        ("which table 1 ADCs have an auristatin-type payload (including MMAE)?",
         ("Disitamab-vedotin", "ZW49", "Zanidatamab zovodotin"), ("ARX788",)),
    "'?? what does that even mean' after a term told asks the term":
        ("biopsy says her2-low?? what does that even mean", ("1+ or 2+",), ("Src",)),
    "'… and measure PFS' asks the primary endpoint column":
        ("which of the ongoing enhertu trials are first line and measure PFS?", ("NCT04494425", "NCT04784715"), ("NCT04538742",)),
    "a code typed without its number ('TLR') filters the rows whose cell has it numbered":
        ("one of the table 1 ADCs has an immune payload (TLR something)? which one?", ("BDC-1001",), ("ARX788",)),
    "'X easier to tolerate than Y' compares both":
        ("is nerlynx easier to tolerate than tukysa?", ("high incidence of diarrhea", "favorable toxicity profile"), ()),
}


@pytest.mark.parametrize("rule", ANSWER_HAS)
def test_answer_has(assistant, rule):
    question, present, absent = ANSWER_HAS[rule]
    answer = assistant.ask(question)
    assert all(p in answer.answer for p in present) and not any(a in answer.answer for a in absent), answer.answer[:400]


def test_trying_to_block_a_resistance_driver_is_its_inhibition(assistant):
    conversation = Conversation()
    assistant.ask("what is AXL?", conversation=conversation)
    answer = assistant.ask("has anyone tried blocking it?", conversation=conversation)
    assert "AXL inhibition can overcome resistance" in answer.answer


def test_a_named_detail_of_a_trial_is_declined_when_no_sentence_on_that_trial_gives_it(assistant):
    answer = assistant.ask("which anti-diarrhea drug and schedule did the CONTROL trial use with nerlynx?")
    assert answer.abstained and "antidiarrheal prophylaxis" in answer.answer  # what the review says of CONTROL
    answer = assistant.ask("what dose was used in DESTINY-Breast04?")
    assert not answer.abstained and "5.4 mg/kg" in answer.answer


def test_an_endpoint_of_a_subgroup_needs_a_figure_for_that_subgroup(assistant):
    answer = assistant.ask("HER2CLIMB - what was PFS in the brain mets subgroup specifically?")
    assert answer.abstained and "approximately 45%" in answer.answer  # what the review does say of those patients
    answer = assistant.ask("KATE2 PFS in the PD-L1 positive subgroup?")
    assert not answer.abstained and "8.5 months vs. 4.1 months" in answer.answer


def test_a_drug_a_carer_says_is_next_is_the_it_asked_and_a_topic_told_is_the_that(assistant):
    conversation = Conversation()
    answer = assistant.ask("my mom's oncologist says enhertu might be next after kadcyla. what kind of drug is it exactly?",
                           conversation=conversation)
    assert "topoisomerase I inhibitor" in answer.answer
    answer = assistant.ask("ok. they also warned us about some lung side effect - how often did that happen in the "
                           "trial and was it ever fatal?", conversation=conversation)
    assert "13.6%" in answer.answer and "uniquely" not in answer.resolved_question


def test_a_sign_of_activity_asked_of_a_trial_is_its_result_not_a_property(assistant):
    conversation = Conversation()
    assistant.ask("TULIP trial - what drug is it testing?", conversation=conversation)
    answer = assistant.ask("any signal for it in HER2-low?", conversation=conversation)
    assert not answer.abstained and "28% to 40%" in answer.answer


def test_rows_each_named_once_are_listed_without_counts(assistant):
    answer = assistant.ask("which adcs in table 1 are at phase i/ii")
    assert "A166" in answer.answer and "— 1 row" not in answer.answer


def test_questions_about_the_review_itself_get_its_header_not_a_cited_papers_authors(assistant):
    answer = assistant.ask("who wrote this paper?")
    assert answer.abstained and "Marta Tapia" in answer.answer and not answer.citations
    answer = assistant.ask("who wrote the katherine paper?")  # a cited paper is still a reference question
    assert not answer.abstained and any(c.kind == "reference" for c in answer.citations)


def test_a_term_the_review_never_holds_is_declined_in_the_users_words(assistant):
    answer = assistant.ask("what is tumour dormancy?")
    assert answer.abstained and "tumour dormancy" in answer.answer
    answer = assistant.ask("what is a bispecific antibody")  # two words the review does hold together
    assert not answer.abstained


def test_a_turn_that_is_only_an_endpoint_swaps_the_last_ones(assistant):
    conversation = Conversation()
    assistant.ask("what was the pfs in nala?", conversation=conversation)
    answer = assistant.ask("and the os", conversation=conversation)
    assert answer.resolved_question.lower() == "what was the os in nala?"  # not 'and the os in NALA (pfs)?'
    assert not answer.abstained and "OS" in answer.answer


@pytest.mark.parametrize("rule", ANSWER_HOLDS)
def test_answer_holds(assistant, rule):
    question, phrase = ANSWER_HOLDS[rule]
    answer = assistant.ask(question)
    assert not answer.abstained and phrase in answer.answer, answer.answer[:400]


def test_a_family_name_typed_once_names_every_numbered_trial():
    from her2qa.query import QueryAnalyzer
    analyzer = QueryAnalyzer("DESTINY-Breast03 DESTINY-Breast04 DESTINY-Breast07 DESTINY-Breast08 median PFS")
    assert analyzer.correct("setting of db 07 and 08?") == "setting of DESTINY-Breast07 and DESTINY-Breast08?"
    assert analyzer.correct("destiny-breast03/4 endpoints") == "DESTINY-Breast03/DESTINY-Breast04 endpoints"
    assert analyzer.correct("db03 in 12 and 24 months") == "DESTINY-Breast03 in 12 and 24 months"  # figures stay


def test_a_column_asked_of_several_named_rows_shows_those_rows(assistant):
    answer = assistant.ask("which setting are destiny breast 7 and 8 in")
    assert answer.intent == "table" and answer.table is not None and len(answer.table.rows) == 2
    assert "≥2nd line" in answer.answer
    answer = assistant.ask("which arm of her2climb had more diarrhea")  # a drug filling arms names no row
    assert answer.table is None


def test_this_study_is_bracketed_with_the_trial_not_its_subsections_drug_class(assistant):
    answer = assistant.ask("patricia trial, what happened")
    assert "This study [CDK4/6 Inhibitors]" not in answer.answer and "This study" in answer.answer
    answer = assistant.ask("tell me about the patricia trial")
    assert "This study [PATRICIA]" in answer.answer


def test_a_compared_side_is_not_its_numbered_successor(assistant):
    answer = assistant.ask("patricia vs monarcher: which drugs did each give?")
    side = answer.answer.split("**PATRICIA**")[-1]
    assert "palbociclib" in side and "PATRICIA-II" not in side.split("\n")[1]


@pytest.mark.parametrize("question, missing", [
    ("whats the half-life of kadcyla", "half-life"),
    ("what is the shelf life of tukysa?", "shelf life"),
])
def test_a_property_the_review_never_names_is_declined_not_defined(assistant, question, missing):
    answer = assistant.ask(question)
    assert answer.abstained and f"“{missing}”" in answer.answer


def test_a_property_the_review_names_is_still_answered(assistant):
    answer = assistant.ask("what is the usual function of cyclin d1?")  # 'usual' only qualifies 'function'
    assert not answer.abstained and "G1 to S phase" in answer.answer


def test_a_median_the_review_lacks_is_declined_with_the_endpoint_it_gives_instead(assistant):
    answer = assistant.ask("tukysa her2climb median overall survival?")
    assert answer.abstained and "does not report a median OS" in answer.answer
    assert "two-year OS rates" in answer.answer  # the issue's own example: what the review gives for OS


def test_it_after_a_trial_and_its_regimen_is_the_trial_when_an_outcome_is_asked(assistant):
    conversation = Conversation()
    assistant.ask("tell me about the th3resa trial, kadcyla vs tpc", conversation=conversation)
    answer = assistant.ask("did it improve overall survival?", conversation=conversation)
    assert answer.resolved_question == "did TH3RESA improve overall survival?"  # not T-DM1, not '(vs)'


def test_an_enzyme_the_review_never_names_is_declined_by_name(assistant):
    answer = assistant.ask("which protease releases the enhertu payload?")
    assert answer.abstained and "protease" in answer.answer


@pytest.mark.parametrize("question, headings, absent", [
    ("quick rundown of lapatinib, neratinib and tucatinib", ["**Lapatinib**", "**Neratinib**", "**Tucatinib**"], []),
    ("tell me about t-dm1 and t-dxd", ["**T-DM1**", "**T-DXd**"], ["**HER2-Low BC**"]),
])
def test_names_that_title_parts_of_one_section_get_those_parts(assistant, question, headings, absent):
    answer = assistant.ask(question)
    assert all(h in answer.answer for h in headings) and not any(h in answer.answer for h in absent)
    assert "**Also**" not in answer.answer


def test_where_a_part_sits_in_the_paper_does_not_name_it(assistant):
    answer = assistant.ask("what future directions do they list near the end, before the conclusions?")
    assert "4 Future Directions" in answer.answer


def test_a_long_form_typed_in_full_is_one_name(assistant):
    answer = assistant.ask("how many antibody-drug conjugates are fda approved?")
    assert not answer.abstained and "thirteen" in answer.answer


def test_a_study_named_by_its_authors_answers_which_study(assistant):
    answer = assistant.ask("which study found MUC4 masks the trastuzumab epitope?")
    assert not answer.abstained and "Pohlmann et al." in answer.answer


def test_a_named_property_given_only_for_another_drug_is_declined_with_that_sentence(assistant):
    answer = assistant.ask("dar of t-dm1?")
    assert answer.abstained and "for T-DM1" in answer.answer and "[T-DXd]" in answer.answer
    assert "for DAR" not in answer.answer


def test_three_names_listed_by_commas_are_three_sides(assistant):
    answer = assistant.ask("tykerb, nerlynx and tukysa - how do they differ?")
    assert answer.intent == "compare"
    assert [line for line in answer.answer.splitlines() if line.startswith("**")] == ["**tykerb**", "**nerlynx**", "**tukysa**"]


def test_members_listed_in_brackets_do_not_become_it(assistant):
    conversation = Conversation()
    assistant.ask("which receptor family is axl in?", conversation=conversation)
    answer = assistant.ask("and which pathways does it turn on?", conversation=conversation)
    assert "AXL" in answer.resolved_question and "PI3K/AKT" in answer.answer


def test_results_of_a_trial_the_review_only_announces_are_declined(assistant):
    answer = assistant.ask("patricia-ii results for the triple combo in luminal disease?")
    assert answer.abstained and "PATRICIA-II" in answer.answer and "ongoing" in answer.answer
    assert "8.3 months" not in answer.answer  # that is MonarcHER's result


@pytest.mark.parametrize("question", ["pls compare kate2 and emilia", "contrast monarcher and patricia"])
def test_the_imperative_compare_is_a_comparison(question):
    assert classify(question) == "compare"


def test_two_drug_classes_are_compared_by_their_own_sections(assistant):
    answer = assistant.ask("adcs vs tkis - mechanism?")
    assert "**ADCs**" in answer.answer and "**TKIs**" in answer.answer
    assert "target cell-surface proteins" in answer.answer and "interrupting transduction cascades" in answer.answer


def test_a_score_asked_by_its_figure_is_defined_where_the_review_defines_that_figure(assistant):
    answer = assistant.ask("what does a her2 ihc score of 3+ mean??")
    assert "complete circumferential membrane staining" in answer.answer
    assert "1+ or 2+" not in answer.answer  # HER2-low's scores are not the one asked


def test_it_in_a_later_part_is_the_one_name_asked_before(assistant):
    answer = assistant.ask("what is src, and how does it fit into resistance to her2-targeted drugs?")
    second = answer.answer.split("**how does it fit into resistance to her2-targeted drugs?**")[-1]
    assert "Src activation" in second.split("Sources:")[0]  # not another drug's resistance (everolimus)


def test_the_imperative_compare_of_two_arms_in_one_trial_gets_that_trials_results(assistant):
    answer = assistant.ask("compare nerlynx and tykerb, both with capecitabine, in nala")
    assert "2.2-month absolute difference" in answer.answer and "EMILIA" not in answer.answer


def test_a_hazard_ratio_and_os_asked_side_by_side_are_both_answered(assistant):
    answer = assistant.ask("tucatinib arm in her2climb: median pfs, HR and 2-year OS?")
    assert not answer.abstained and "0.54" in answer.answer and "44.9%" in answer.answer


def test_a_named_measure_of_one_drug_in_definition_form_is_declined_when_only_another_has_it(assistant):
    answer = assistant.ask("what is the drug-to-antibody ratio of kadcyla")
    assert answer.abstained and "[T-DXd]" in answer.answer


def test_an_outcome_asked_of_a_phase_1_study_is_not_a_table_filter(assistant):
    answer = assistant.ask("what response rate did zw25 (zanidatamab) reach in the phase 1 study?")
    assert "33% response rate" in answer.answer and answer.table is None


def test_a_short_sections_head_noun_names_it_in_a_long_overview_question(assistant):
    answer = assistant.ask("her2 heterogeneity and how it messes up treatment response - overview pls")
    assert answer.answer.startswith("From “2.4 Tumor Heterogeneity”")


def test_a_compared_property_given_in_a_pronoun_sentence_belongs_to_its_side(assistant):
    answer = assistant.ask("kadcyla vs enhertu: linker, payload, dar - how do they differ??")
    enhertu = answer.answer.split("**enhertu**")[-1]
    assert "approximately eight" in enhertu and "[T-DXd]" in enhertu  # "It is uniquely designed…" named
    assert "non-cleavable linker" in answer.answer.split("**enhertu**")[0]


def test_the_definition_of_a_term_asks_what_the_term_is(assistant):
    for question in ("whats the definition of her2-low?", "how is her2 low defined"):
        answer = assistant.ask(question)
        assert not answer.abstained and "1+ or 2+" in answer.answer, question


def test_a_property_of_what_a_section_is_about_is_not_its_list_of_subsections(assistant):
    answer = assistant.ask("what are the components of an antibody-drug conjugate")
    assert "warhead or payload" in answer.answer and "covers" not in answer.answer
    mechanisms = assistant.ask("what are the mechanisms of resistance to anti-her2 drugs")
    assert "p95HER2" in mechanisms.answer  # that section's title names the noun asked: its parts are listed


def test_a_duration_asked_needs_a_duration_given(assistant):
    declined = assistant.ask("how many months of PFS did enhertu reach in destiny-breast04?")
    assert declined.abstained and "median PFS" in declined.answer
    answered = assistant.ask("how long was OS in emilia?")
    assert not answered.abstained and "30.9 vs. 25.1 months" in answered.answer  # "(OS) (30.9 vs. …" counts


def test_adding_a_drug_to_another_brings_the_trial_against_the_other_alone(assistant):
    answer = assistant.ask("did adding tykerb to xeloda improve survival?")
    assert "capecitabine alone" in answer.answer and "EMILIA" not in answer.answer  # not T-DM1 against it


def test_a_comparison_of_targets_and_side_effects_answers_both(assistant):
    answer = assistant.ask("neratinib vs tucatinib: what do they hit, and side effects?")
    neratinib, tucatinib = answer.answer.split("**tucatinib**")
    assert "pan-HER inhibitor" in neratinib and "diarrhea" in neratinib
    assert "highly selective for the kinase domain of HER2" in tucatinib and "diarrhea" in tucatinib


def test_the_next_it_is_the_name_of_the_sentence_that_asked_not_of_the_context(converse):
    answer = converse("pt on kadcyla, now progressing. what did destiny-breast03 find?", "and the common grade 3 AEs?")
    assert "gastrointestinal and hematological" in answer.answer


def test_a_kind_such_as_the_term_brings_the_sentence_naming_the_kind(assistant):
    answer = assistant.ask("whats a PROTAC")
    assert "Targeted protein degradation (TPD)" in answer.answer  # "Techniques such as PROTACs…" leans on it


def test_a_yes_no_on_a_drug_in_a_setting_reads_the_part_titled_by_the_setting(assistant):
    answer = assistant.ask("is t-dxd any good in her2 low disease?")
    assert "DESTINY-breast04" in answer.answer and "significantly improved PFS and OS" in answer.answer


def test_a_trial_glossed_by_its_drug_is_still_the_one_subject(assistant):
    for question in ("give me a rundown of EMILIA (kadcyla)", "what did nala show? the nerlynx one"):
        answer = assistant.ask(question)
        assert answer.answer.startswith("**Design**") and "**Results**" in answer.answer, question
    drug = assistant.ask("what response rate did zanidatamab (ZW25) reach in phase 1?")
    assert "33% response rate" in drug.answer  # a drug's code in brackets is the name the review uses


def test_an_overview_finds_the_part_titled_by_its_telling_word(assistant):
    for question in ("what does the paper say about immunotherapy with anti-her2 drugs", "whats the state of immunotherapy plus her2 drugs"):
        answer = assistant.ask(question)
        assert answer.answer.startswith("From “Immunotherapy in HER2-Positive Disease”"), question


def test_a_fact_quoting_a_pronoun_sentence_alone_names_its_subject_in_brackets(assistant):
    answer = assistant.ask("what are the 3 parts of an ADC")
    assert answer.answer.startswith("[ADCs] are composed by three components")
    assert answer.citations and "They are composed" in answer.citations[0].quote  # the quote itself stays verbatim


def test_a_later_part_about_what_an_earlier_which_part_could_not_name_is_declined(assistant):
    answer = assistant.ask("which igf-ir antibody is in the ongoing combo trials and what did it achieve?")
    assert answer.abstained and "does not name the igf-ir antibody" in answer.answer.lower()


def test_a_two_letter_abbreviation_names_the_passage_that_uses_it(assistant):
    answer = assistant.ask("did overall survival improve when tykerb was given with capecitabine?")
    assert "75.0 weeks for the combination arm" in answer.answer  # the lapatinib trials write OS, not overall survival


def test_show_me_a_listed_trial_shows_its_row_instead_of_declining_results(assistant):
    answer = assistant.ask("can you show me the DESTINY-Breast 09 row")
    assert not answer.abstained and "NCT04784715" in answer.answer and "Phase: III" in answer.answer


def test_which_study_found_a_finding_is_the_reference_of_the_sentence_before_this_study(assistant):
    answer = assistant.ask("what study identified HER2 mutations like L755P and V777L?")
    assert answer.intent == "reference" and "It cites reference 28: Bose R." in answer.answer


def test_they_after_cited_authors_is_quoted_with_the_authors_in_brackets(assistant):
    answer = assistant.ask("who demonstrated that heterogeneous tumours had no pCR after neoadjuvant anti-HER2 treatment")
    assert "“[Metzger et al.] demonstrated the absence" in answer.answer and "reference 23" in answer.answer


def test_a_grade_asked_of_a_figure_needs_a_sentence_about_grades(assistant):
    answer = assistant.ask("what share of the enhertu ILD was grade 3+?")
    assert answer.abstained and "grade 3+" in answer.answer


def test_a_setting_asked_needs_a_sentence_naming_it(assistant):
    declined = assistant.ask("does enhertu get used before surgery")
    assert declined.abstained and "neoadjuvant setting" in declined.answer
    answered = assistant.ask("is kadcyla given after surgery?")
    assert not answered.abstained and "approved for the adjuvant treatment" in answered.answer


def test_a_measure_among_listed_aspects_keeps_a_comparison(assistant):
    answer = assistant.ask("how does kadcyla differ from enhertu in structure (payload, linker, DAR)?")
    assert answer.intent == "compare" and not answer.abstained
    assert "non-cleavable linker" in answer.answer and "tetrapeptide-based cleavable linker" in answer.answer


def test_the_subject_of_a_tables_caption_filters_no_rows(assistant):
    answer = assistant.ask("which of the t-dxd trials in table 2 are phase 2")
    assert "ACE-Breast 03" in answer.answer and "5 rows matching phase II." in answer.answer


def test_their_after_a_table_answer_means_its_rows(converse):
    answer = converse("which table 2 trials include pertuzumab", "what are their settings?")
    assert "DESTINY-Breast 07" in answer.answer and "DESTINY-Breast 09" in answer.answer


def test_is_there_a_trial_reads_the_tables_and_a_column_asked_next_is_in_its_row(assistant):
    answer = assistant.ask("is there any enhertu study just for brain metastases? and its endpoint")
    assert answer.answer.count("NCT04752059") == 1 and "ORR brain met" in answer.answer
    assert "The development of brain metastases is a frequent event" not in answer.answer


def test_a_word_that_only_begins_a_longer_corpus_word_is_still_unknown(assistant):
    answer = assistant.ask("is kadcyla cheaper than enhertu? cost comparison")
    assert answer.abstained and "does not mention cost" in answer.answer  # 'Costimulatory' is no cost


def test_a_trial_in_brackets_is_no_second_name_of_the_group_before_it(assistant):
    answer = assistant.ask("overview of t-dxd for her2-low disease (destiny-breast04)")
    assert answer.answer.startswith("**Design**") and "5.4 mg/kg every three weeks" in answer.answer


def test_a_section_asked_for_by_one_word_of_its_title_is_found(assistant):
    answer = assistant.ask("give me the gist of the section about other approaches (CAR-T and so on)")
    assert answer.answer.startswith("From “4.4 Diverse Approaches in Anti-HER2 Therapy Exploration”")


def test_what_evidence_for_a_drug_is_an_overview_of_it(assistant):
    answer = assistant.ask("what evidence does the paper give for neratinib?")
    assert answer.intent == "overview" and "NALA" in answer.answer and "2.2-month" in answer.answer


def test_a_greek_letter_spelt_out_is_the_isoform_the_review_prints(assistant):
    answer = assistant.ask("how potent is alpelisib on PI3Kalpha")
    assert not answer.abstained and "IC50 of 5 nM" in answer.answer


def test_an_anti_her2_class_is_named_by_the_class_alone(assistant):
    answer = assistant.ask("what is the rationale for combining immunotherapy and anti-HER2 ADCs")
    assert "synergistic activation of CD8 T cells" in answer.answer


def test_a_figure_in_another_trials_clause_is_not_the_asked_trials(assistant):
    answer = assistant.ask("TULIP trial ORR for SYD985?")
    assert answer.abstained and "does not report the ORR" in answer.answer


def test_a_word_of_a_measures_name_stands_for_the_measure(assistant):
    answer = assistant.ask("what response rate did trastuzumab duocarmazine reach in her2-low disease")
    assert not answer.abstained and "28% to 40%" in answer.answer


def test_whether_to_go_on_with_a_drug_after_a_toxicity_is_management_the_review_does_not_give(assistant):
    answer = assistant.ask("pt got grade 1 ILD on t-dxd, should we hold it or carry on?")
    assert answer.abstained and "how to manage interstitial lung disease" in answer.answer


def test_a_side_goes_on_in_a_sentence_opening_on_a_connective_and_its(assistant):
    answer = assistant.ask("tykerb versus tukysa in brain metastases")
    tucatinib = answer.answer.split("**tukysa**")[1]
    assert "its small molecular size facilitates the crossing of the brain–blood barrier" in tucatinib


def test_a_side_of_a_comparison_gets_its_own_sentences_not_ones_the_side_before_gave(assistant):
    answer = assistant.ask("monarcher versus patricia: main differences?")
    patricia = answer.answer.split("**PATRICIA**")[1]  # the sentence naming both trials went to monarcher's side
    assert "10.6 months vs. 4.2 months" in patricia and "two phase II trials" not in patricia


def test_two_terms_side_by_side_are_each_defined(assistant):
    answer = assistant.ask("her2-low vs ihc 3+ — what's the difference in definition?")
    assert answer.intent == "compare" and "1+ or 2+" in answer.answer and "more than 30%" in answer.answer


def test_why_the_question_is_asked_quote_marks_and_hearsay_are_not_the_question(assistant):
    answer = assistant.ask("for our tumour board slides: what is the 'bystander effect' everyone talks about?")
    assert answer.intent == "definition" and "crosses the cellular membrane" in answer.answer


def test_a_journal_club_is_no_question_about_a_journal(assistant):
    answer = assistant.ask("journal club tmrw - which resistance mechanisms does section 2 walk through?")
    assert answer.intent == "list" and "MET Aberrations" in answer.answer and "Src" in answer.answer


def test_a_label_before_the_question_does_not_hide_its_intent(assistant):
    answer = assistant.ask("MoA: how does HER1/HER3 overexpression make tumours resistant?")
    assert answer.intent == "why"


def test_asking_for_every_item_adds_no_part_to_a_list_question(assistant):
    answer = assistant.ask("which resistance mechanisms are covered in section 2? every single one")
    # (the mechanisms are listed by the titles of the section's parts)
    assert answer.intent == "list" and "MET Aberrations" in [p.text for p in answer.points], answer.answer


def test_brand_names_joined_by_hyphens_are_a_regimen(assistant):
    answer = assistant.ask("which paper backs perjeta-herceptin-docetaxel as the first-line standard?")
    assert not answer.abstained and "reference 5:" in answer.answer


def test_references_asked_for_a_trial_include_those_of_the_sentences_going_on_about_it(assistant):
    answer = assistant.ask("references for destiny-breast04 pls")
    assert "reference 24:" in answer.answer and "reference 46:" in answer.answer


def test_an_overview_asked_with_its_aspects_listed_covers_them_all(assistant):
    answer = assistant.ask("nerlynx rundown: approval, NALA and diarrhea")
    assert all(fact in answer.answer for fact in ("EXTENET", "2.2-month", "CONTROL trial"))


def test_a_trials_overview_with_listed_aspects_is_not_declined_for_lack_of_results(assistant):
    answer = assistant.ask("KATE2 - design, results, safety?")
    assert not answer.abstained and "8.5 months vs. 4.1 months" in answer.answer


def test_a_section_asked_about_a_topic_gives_what_it_says_of_that_topic(assistant):
    answer = assistant.ask("what do the conclusions say on brain metastases?")
    assert "brain metastases is a frequent event" in answer.answer
    assert "commonly used in clinical practice" not in answer.answer


def test_they_who_think_are_the_authors_and_there_is_the_last_topic(converse):
    answer = converse("conclusions of the review on brain mets?", "and what treatment do they recommend there?")
    assert "the authors" in answer.read_as and "(" in answer.read_as
    assert "HER2-negative" not in answer.read_as


def test_a_definition_brings_the_criterion_of_what_is_classed_as_such(assistant):
    answer = assistant.ask("define intratumoural her2 heterogeneity")
    assert "varying degrees of HER2 overexpression" in answer.answer and "fewer than 50% of total cells" in answer.answer


def test_one_table_row_is_counted_as_one_row(assistant):
    answer = assistant.ask("destiny-breast 09: phase, arms, setting?")
    assert "1 row matching" in answer.answer and "1 rows" not in answer.answer


def test_a_why_is_answered_by_the_point_giving_the_cause_and_that_points_at_it(converse):
    answer = converse("nerlynx - quick one", "why do lots of patients end up coming off it",
                      "are they doing anything about that?")
    assert "diarrhea" in answer.read_as and "CONTROL trial" in answer.answer


def test_stopping_a_drug_is_asked_as_what_limits_its_use(assistant):
    answer = assistant.ask("why do so many patients stop neratinib early")
    assert "high incidence of diarrhea" in answer.answer


def test_how_many_patients_had_an_event_is_answered_by_a_percentage_of_patients(assistant):
    answer = assistant.ask("how many patients developed ILD on trastuzumab deruxtecan, and was it ever fatal?")
    assert not answer.abstained and "13.6% of patients" in answer.answer and "2.2%" in answer.answer


def test_a_head_count_enrolled_is_still_not_a_percentage(assistant):
    answer = assistant.ask("how many patients were enrolled in DESTINY-Breast04?")
    assert answer.abstained and "number of patients" in answer.answer


def test_the_drug_of_antibody_drug_conjugate_asks_for_no_drugs(assistant):
    answer = assistant.ask("name the three structural components of an antibody-drug conjugate")
    assert "a cytotoxic agent (warhead or payload), and a linker" in answer.answer and "agents are named" not in answer.answer


def test_a_generic_name_in_a_later_part_does_not_drop_what_it_refers_to(assistant):
    answer = assistant.ask("what is tpd, and how has it been used against HER2?")
    assert "trastuzumab-PROTAC conjugate" in answer.answer.split("used against HER2?**")[1]


def test_a_part_answered_by_a_sentence_given_above_shows_it_under_its_own_heading(assistant):
    answer = assistant.ask("what % of enhertu patients got ILD, and how often did it kill?")
    assert "fatal in approximately 2.2%" in answer.answer.split("how often did it kill?**")[1]


def test_a_later_part_is_not_declined_when_a_sentence_above_answers_it(assistant):
    answer = assistant.ask("how many pts got interstitial lung disease on T-DXd and how often was it fatal?")
    assert "does not report" not in answer.answer
    assert "fatal in approximately 2.2%" in answer.answer.split("how often was it fatal?**")[1]


def test_two_drugs_asked_together_of_trials_list_every_row_whose_arms_give_both(assistant):
    answer = assistant.ask("anybody testing tukysa together with enhertu?")
    assert "HER2CLIMB-04" in answer.answer and "DESTINY-Breast 07" in answer.answer


def test_a_kind_noun_after_the_sides_of_a_comparison_is_no_compared_aspect(assistant):
    # "the X and Y trials differ": 'trials' says what the sides are; each side gets its own design and results
    answer = assistant.ask("in what ways do the monarcHER and PATRICIA trials differ")
    monarcher = answer.answer.split("**PATRICIA**")[0]
    assert "237" in monarcher and "8.3 months vs. 5.7 months" in monarcher


def test_a_trial_named_in_mixed_case_is_the_turns_own_subject(assistant):
    conversation = Conversation()
    assistant.ask("results of monarcHER?", conversation)
    answer = assistant.ask("tell me about MonarcHER", conversation)
    assert "PATRICIA" not in answer.read_as


def test_who_asks_and_why_before_the_question_asks_for_nothing(assistant):
    answer = assistant.ask("as a radiation oncologist I care about SRS overlap. why is tucatinib better tolerated than other HER2 TKIs?")
    assert not answer.abstained and "minimal inhibition of EGFR" in answer.answer


def test_personal_context_stays_when_the_question_needs_its_subject(assistant):
    from her2qa.answering.intent import PERSONAL_CONTEXT_RE
    assert PERSONAL_CONTEXT_RE.match("my patient is on enhertu - is ILD ever fatal?").group("question") == "is ILD ever fatal?"
    answer = assistant.ask("my patient is on enhertu - is ILD ever fatal?")
    assert "2.2%" in answer.answer  # enhertu, named only in the context, still scopes the question


def test_a_figure_asked_of_a_named_trial_is_not_taken_from_another_trial(assistant):
    # NALA's figures (the neratinib paragraph goes on to NALA after naming ExteNET) are not ExteNET's
    answer = assistant.ask("how many fewer relapses with neratinib in ExteNET?")
    assert answer.abstained and "EXTENET trial" in answer.answer and "2.2-month" not in answer.answer


def test_an_endpoint_asked_of_it_does_not_bring_the_last_topic(assistant):
    conversation = Conversation()
    assistant.ask("which trial got tukysa approved?", conversation)
    answer = assistant.ask("what OS figures did it give?", conversation)
    assert "approved" not in answer.read_as and "44.9%" in answer.answer


def test_a_sentence_that_leaves_its_point_to_the_next_brings_it(assistant):
    answer = assistant.ask("enhertu vs kadcyla - which pharmacological differences explain why enhertu works after kadcyla?")
    lines = answer.answer.splitlines()
    announcing = next(i for i, line in enumerate(lines) if "attributable to its pharmaceutical properties" in line)
    assert "Key biochemical differences" in lines[announcing + 1]


def test_the_business_around_a_drug_is_not_in_the_review(assistant):
    answer = assistant.ask("who manufactures zanidatamab?")
    assert answer.abstained and "manufactures" in answer.answer
    answer = assistant.ask("Which endocrine partners go with T-DXd in DESTINY-Breast 08?")  # a clinical partner
    assert not answer.abstained and "anastrozole" in answer.answer


def test_a_guess_at_the_figure_is_no_question_of_its_own():
    assert split_parts("nerlynx dose in NALA? 240 mg daily?") == ["nerlynx dose in NALA"]
    assert len(split_parts("what was the PFS in NALA? and what about OS?")) == 2


def test_an_endpoint_asked_without_a_name_is_asked_of_the_trial(assistant):
    conversation = Conversation()
    assistant.ask("what does the review say about DESTINY-Breast03", conversation)
    assistant.ask("how many pts got T-DXd in it?", conversation)
    answer = assistant.ask("and OS at 12 months?", conversation)
    assert "DESTINY-Breast03" in answer.read_as and "86.2%" in answer.answer


def test_an_exclusion_of_several_words_in_the_middle_is_set_aside():
    from her2qa.answering.intent import without_exclusion
    assert without_exclusion("which other strategies apart from drugs like ADCs and TKIs are being studied?") == \
        "which other strategies are being studied?"


@pytest.mark.parametrize("question, expected", [
    pytest.param('pulmonary side effects of enhertu?',
                 ['interstitial lung disease'],
                 id='pulmonary-is-asked-of-the-lung-disease-the-review-reports'),
    pytest.param('ok for kadcyla, which trial got it approved after surgery?',
                 ['KATHERINE'],
                 id='an-opening-ok-is-no-property-asked'),
    pytest.param('which enhertu trials are in the first line setting?',
                 ['DESTINY-Breast 06', 'DESTINY-Breast 09'],
                 id='a-line-setting-asked-of-trials-filters-the-setting-column'),
    pytest.param('do any of the enhertu trials use pertuzumab?',
                 ['DESTINY-Breast 07', 'DESTINY-Breast 09'],
                 id='do-any-of-the-trials-asks-for-every-matching-row'),
    pytest.param('what paper is cited for the tucatinib side effects seen in HER2CLIMB?',
                 ['diarrhea, transaminitis', 'grade III or higher', 'Murthy'],
                 id='a-reference-quote-reaches-the-marker-that-closes-its-run'),
    pytest.param('give me a summary of EMILIA (kadcyla vs tykerb+xeloda)',
                 ['lower toxicity profile', '30.9 vs. 25.1 months'],
                 id='a-trial-told-by-its-arms-gets-its-whole-overview'),
    pytest.param('what is targeted protein degradation?',
                 ['trastuzumab-PROTAC conjugate', 'selectively degrade proteins'],
                 id='a-short-paragraph-that-opens-by-defining-a-term-is-quoted-whole'),
    pytest.param('In patients with residual disease after neoadjuvant therapy, how did kadcyla do against herceptin in KATHERINE?',
                 ['88.3% vs. 77%'],
                 id='who-was-treated-said-before-a-head-to-head-question-is-no-part-of-a-regimen'),
    pytest.param('why does tucatinib cause fewer side effects than the other TKIs?',
                 ['minimal inhibition of EGFR'],
                 id='fewer-side-effects-asks-for-the-toxicity-profile'),
    # round 15
    pytest.param('what did EMILIA shwo', ['9.6 vs. 6.4 months'],
                 id='an-asking-word-typed-with-two-letters-swapped-is-mended'),
    pytest.param('were people with brain mets allowed in the tukysa trial?', ['approximately 45%'],
                 id='a-drugs-trial-is-the-one-trial-the-review-names-beside-it'),
    pytest.param('is enhertu being studied specifically for brain mets?', ['NCT04752059'],
                 id='whether-a-drug-is-being-studied-for-something-asks-the-tables'),
    pytest.param('lapatinib vs tucatinib in terms of kinase selectivity', ['EGFR1', 'highly selective'],
                 id='in-terms-of-frames-the-compared-aspect'),
    pytest.param('which of the ongoing enhertu trials are for first line treatment?',
                 ['DESTINY-Breast 06', 'DESTINY-Breast 09'],
                 id='trials-asked-for-a-line-of-treatment-filter-the-setting-column'),
    pytest.param('HER2 3+ vs HER2-low - how are they defined by IHC?',
                 ['complete circumferential membrane staining', 'IHC score of 1+ or 2+'],
                 id='two-terms-compared-are-each-defined-a-hyphened-one-whole'),
    pytest.param('how much did KATHERINE help?',
                 ['88.3% vs. 77%'],
                 id='how-much-a-trial-helped-is-the-benefit-it-reports'),
    pytest.param('did kadcyla cut the chance of the cancer coming back in KATHERINE?',
                 ['40% reduction in the risk of distant recurrence'],
                 id='the-cancer-coming-back-is-its-recurrence'),
    pytest.param('What range of HER2 status change between primary tumour and metastasis does the review quote?',
                 ['9–60%'],
                 id='a-range-asked-is-given-by-a-printed-range'),
    pytest.param('how common is hormone positive her2+ compared to hormone negative her2+ breast cancer?',
                 ['12.6 cases', '5.1 cases'],
                 id='a-subtype-in-words-is-the-status-the-review-prints'),
    pytest.param('incidence of HR-/HER2+ breast cancer per 100k women?',
                 ['5.1 cases'],
                 id='a-status-keeps-its-closing-sign'),
    pytest.param('whats the incidence of hr+/her2- breast cancer and what years is that from',
                 ['87.2', '2016 to 2020'],
                 id='what-years-asks-a-span-not-a-list'),
    pytest.param('ARX788 - payload, phase, trial name?',
                 ['AS269 (MT inhibitor)', 'ACE-Breast 03', 'ORR'],
                 id='a-column-one-table-lacks-comes-from-the-other-tables-row-for-the-name'),
    pytest.param('tykerb + xeloda vs tykerb + herceptin - which one actually showed an OS benefit?',
                 ['8.4 months vs. 4.4 months', '14 months vs. 9.5 months'],
                 id='two-regimens-each-set-against-its-own-control-are-both-told'),
    pytest.param('kadcyla vs herceptin after neoadjuvant residual disease - what were the numbers',
                 ['residual disease after neoadjuvant treatment', '88.3% vs. 77%'],
                 id='the-setting-told-after-two-drugs-finds-where-their-arms-met'),
    pytest.param('How does the payload of trastuzumab duocarmazine compare with that of T-DM1, and does it work where '
                 'T-DM1 fails?',
                 ['DNA alkylating agent', 'cytotoxic agent DM1', 'overcome T-DM1 resistance'],
                 id='what-is-compared-inside-how-does-x-compare-is-the-aspect'),
    pytest.param('monarcher vs patricia: patients and drugs, with refs',
                 ['237 HER2-positive', 'abemaciclib plus trastuzumab', '71 patients', 'palbociclib plus trastuzumab'],
                 id='references-asked-beside-a-comparison-are-its-passages-references'),
    pytest.param('in HER2CLIMB, could treatment go on after SRS/local therapy for local progression?',
                 ['treatment could be continued after local therapy'],
                 id='slash-alternatives-one-in-the-reviews-words-are-no-unknown-subject'),
    pytest.param('wat does HER2-low mean for a tumor',
                 ['IHC score of 1+ or 2+'],
                 id='what-a-term-means-for-a-tumour-is-what-the-term-is'),
    pytest.param('is anyone testing enhertu specifically for brain mets',
                 ['NCT04752059'],
                 id='is-anyone-testing-x-for-y-asks-the-tables'),
    pytest.param('which ref defines heterogeneous tumors using FISH <50% of cells',
                 ['Metzger et al.', 'reference 23'],
                 id='a-name-before-a-percentage-is-no-numbered-name'),
    pytest.param('so what makes enhertu work after kadcyla stopped working? list the differences',
                 ['increased DAR'],
                 id='stopped-working-is-failure'),
    pytest.param('what new approaches beyond ADCs and TKIs does the future directions section bring up for anti-her2 therapy',
                 ['bispecific antibodies, CAR-T'],
                 id='the-one-part-of-a-section-titled-with-the-words-asked'),
    pytest.param('why is there a CONTROL trial for nerlynx?',
                 ['high incidence of diarrhea', 'antidiarrheal prophylaxis'],
                 id='a-therefore-sentence-asked-why-brings-its-reason'),
    pytest.param('which ref backs the katherine result of 88% vs 77%?',
                 ['88.3% vs. 77%', 'reference 42'],
                 id='figures-typed-pick-the-sentence-printing-them-for-a-reference'),
    pytest.param('i had herceptin and perjeta then kadcyla and now its back in my liver. is there anything after kadcyla',
                 ['T-DXd, was effective after T-DM1 failure'],
                 id='treatments-one-has-had-are-history-and-anything-after-x-is-after-its-failure'),
    # round 18's fail on dc9a1ee's src
    pytest.param('what does a 3+ score mean?',
                 ['intense (3+)'],
                 id='a-score-typed-in-the-question-is-a-part-the-answer-prints'),
    pytest.param('besides the drugs she is on now, what other kinds of new treatments are researchers working on?',
                 ['bispecific antibodies, CAR-T'],
                 id='kinds-of-treatment-asks-for-the-approaches-not-a-roll-call-of-drug-names'),
    pytest.param('ZW25 vs PRS-343: how do these bispecifics differ in target and early results?',
                 ['33% response rate', 'disease control rate of 58%'],
                 id='results-compared-beside-another-aspect-are-each-sides-overview'),
    pytest.param('Compare the EGF1001515 and EGF104900 lapatinib trials.',
                 ['12 weeks vs. 8.1 weeks'],
                 id='a-word-before-trials-describes-the-sides-and-is-no-compared-aspect'),
    pytest.param('are brain mets more common in HER2+ than HER2- disease?',
                 ['more common than in HER2-negative'],
                 id='a-lone-minus-sign-is-her2-negative'),
    pytest.param('whats the chemo part in the duocarmazine drug and what stage is it',
                 ['TULIP phase III trial'],
                 id='the-stage-of-a-drug-is-its-trial-phase'),
    pytest.param('if she gets a brain spot and they do radiation, can she keep taking tukysa?',
                 ['treatment could be continued after local therapy'],
                 id='a-yes-no-after-a-condition-is-settled-by-the-sentence-covering-most-of-it'),
    pytest.param('IC50 of alpelisib (BYL719) against PI3Ka?',
                 ['IC50 of 5 nM'],
                 id='a-greek-letter-typed-as-its-latin-one'),
    pytest.param("the dr said enhertu is an 'ADC'.. what are the parts of an ADC?",
                 ['three components'],
                 id='what-the-doctor-said-before-a-question-with-its-own-subject-asks-nothing'),
    pytest.param("is there a standard treatment once you're past 3rd line? my sister is on her 4th now",
                 ['no standard of care'],
                 id='context-after-the-question-naming-nothing-is-no-part-and-past-third-line-is-later-lines'),
    pytest.param('how is HER2-low defined in this review',
                 ['IHC score of 1+ or 2+'],
                 id='how-is-x-defined-in-this-review-is-a-definition'),
    pytest.param("Why doesn't trastuzumab work against p95HER2-expressing tumors?",
                 ['not recognized by trastuzumab'],
                 id='a-state-typed-onto-a-name-asks-about-the-name'),
    pytest.param('what did the EMILIA trial show? kadcyla vs tykerb+xeloda',
                 ['lower toxicity profile', '9.6 vs. 6.4 months'],
                 id='a-trials-arms-told-after-the-question-are-its-gloss-not-a-comparison'),
    pytest.param('what % of pts on T-DXd got interstitial lung disease and how many were fatal',
                 ['13.6%', '2.2%'],
                 id='a-rate-asked-is-looked-for-further-down-before-it-is-said-missing'),
    pytest.param('how much enhertu do patients get',
                 ['5.4 mg/kg every three weeks'],
                 id='how-much-of-a-drug-one-takes-is-its-dose'),
])
def test_the_answer_holds_what_the_review_says(assistant, question, expected):
    # each id names the step that makes it so; round 14's fail on f119dd9's src, round 15's on c4d2364's
    answer = assistant.ask(question)
    assert not answer.abstained and all(e in answer.answer for e in expected), answer.answer


def test_it_after_a_table_of_several_rows_is_each_of_them(assistant):
    conversation = Conversation()
    assistant.ask("which trials test tukysa together with enhertu?", conversation)
    answer = assistant.ask("whats its primary endpoint", conversation)
    assert "HER2CLIMB-04" in answer.answer and "DESTINY-Breast 07" in answer.answer, answer.answer


def test_what_a_trial_measures_and_who_gets_in_are_the_trials_not_its_drugs(assistant):
    conversation = Conversation()
    assistant.ask("my doctor mentioned destiny-breast12", conversation)
    answer = assistant.ask("what does it measure and who can get in", conversation)
    assert "DESTINY-Breast12" in answer.resolved_question and "ORR" in answer.answer, answer.answer


def test_a_study_code_one_digit_off_is_the_code_the_review_prints(assistant):
    # the review prints the trial EGF100151 as 'EGF1001515'; an NCT number one digit off is another trial
    assert assistant.analyzer.correct("what did EGF100151 show") == "what did EGF1001515 show"
    assert assistant.analyzer.correct("NCT0453874 results") == "NCT0453874 results"


def test_a_result_asked_of_a_trial_in_the_tables_is_not_its_row(assistant):
    # the tables give phase and primary endpoint, never a result: the text has none for TULIP
    answer = assistant.ask("What PFS did the TULIP phase III trial report?")
    assert answer.abstained and re.search(r"does not report|reports no results", answer.answer), answer.answer


def test_they_who_do_something_about_a_problem_are_the_field_not_the_drug(assistant):
    conversation = Conversation()
    assistant.ask("what was nerlynx first approved for?", conversation)
    answer = assistant.ask("and what are doctors doing about the diarrhea it causes?", conversation)
    assert "CONTROL trial" in answer.answer


def test_who_asks_introduced_before_the_question_asks_for_nothing(assistant):
    from her2qa.answering.intent import without_framing
    assert without_framing("I'm a pharmacy student: what is a TKI?") == "what is a TKI?"
    answer = assistant.ask("hi, im a nurse. what is a liquid biopsy")
    assert "non-invasive" in answer.answer


def test_a_self_introduction_that_names_the_subject_stays():
    from her2qa.answering.intent import without_framing
    assert without_framing("as a patient on enhertu, is ILD fatal?") == "as a patient on enhertu, is ILD fatal?"


def test_whether_a_trial_only_named_as_running_worked_is_declined(assistant):
    # the review names TULIP only among trials "testing its action"; 'did it work' has no result to quote
    answer = assistant.ask("did the TULIP trial work?")
    assert answer.abstained and "reports no results" in answer.answer
    answer = assistant.ask("did HER2CLIMB work?")
    assert not answer.abstained and "7.8 months" in answer.answer


def test_who_asks_told_after_the_question_asks_for_nothing(assistant):
    answer = assistant.ask("how common is ILD with enhertu? i have a cough")
    assert "13.6%" in answer.answer and "cough" not in answer.answer  # no part of its own


def test_that_trial_after_a_drugs_answer_is_the_trial_of_the_point_that_answered(converse):
    answer = converse("what is kadcyla?", "has it ever been used after surgery?", "how many patients were in that trial?")
    assert "KATHERINE" in answer.read_as and "1486 patients" in answer.answer


def test_a_comparison_left_open_asks_for_the_control_arm(assistant):
    answer = assistant.ask("what's DESTINY-Breast09 compared against?")
    assert "Taxane (paclitaxel or docetaxel)" in answer.answer and "DESTINY-Breast 07" not in answer.answer


def test_when_to_discontinue_a_drug_for_a_toxicity_is_asked_as_its_management(assistant):
    answer = assistant.ask("at what ILD grade should T-DXd be permanently discontinued")
    assert answer.abstained and "how to manage" in answer.answer


def test_how_long_people_lived_asks_for_overall_survival(assistant):
    answer = assistant.ask("how many extra months did people live on enhertu in DESTINY-Breast04?")
    assert answer.abstained and "median OS" in answer.answer and "improved PFS and OS" in answer.answer


def test_that_trial_is_the_trial_the_last_answer_opens_a_point_with(converse):
    # 'was there a trial that put it up against kadcyla?' shares no word with its answer's points
    answer = converse("what is enhertu?", "was there a trial that put it up against kadcyla?",
                      "how well did people do on it in that trial")
    assert "DESTINY-Breast03" in answer.read_as and "93.9% and 86.2%" in answer.answer


def test_where_the_answer_comes_from_said_after_a_definition_keeps_it_a_definition():
    from her2qa.answering.intent import classify
    assert classify("what is targeted protein degradation / PROTACs as described in the review") == "definition"
    assert classify("what is targeted protein degradation / PROTAC in the HER2 context") == "definition"


def test_all_the_patients_is_a_population_not_a_list(assistant):
    from her2qa.answering.intent import classify
    assert classify("did atezolizumab help all the patients in KATE2?") == "yesno"
    answer = assistant.ask("did adding the immunotherapy drug to Kadcyla help all the patients in that KATE2 study?")
    assert "not significantly different when considering all patients" in answer.answer


def test_a_property_a_drug_is_asked_to_use_is_declined_when_its_row_does_not_give_it(assistant):
    answer = assistant.ask("which linker does disitamab vedotin use - cleavable or not?")
    assert answer.abstained and "linker" in answer.answer
    answer = assistant.ask("what payload does kadcyla use")  # "the cytotoxic agent DM1"
    assert not answer.abstained and "cytotoxic agent DM1" in answer.answer


def test_a_request_for_detail_after_the_question_is_no_part_of_its_own():
    assert len(split_parts("how does HER2 heterogeneity affect response to anti-HER2 tx? key data pls")) == 1


def test_an_inflection_of_a_word_ending_in_y_is_not_mended(assistant):
    answer = assistant.ask("ok. is enhertu being studied specifically for brain mets too?")
    assert "studies" not in answer.read_as


def test_a_compared_aspect_is_told_by_the_sentence_about_the_side_without_filler_from_elsewhere(assistant):
    answer = assistant.ask("payload of enhertu vs trastuzumab duocarmazine")
    assert "topoisomerase I inhibitor payload" in answer.answer and "DNA alkylating agent" in answer.answer
    assert "Modi et al." not in answer.answer  # names T-DXd in passing, in another paragraph


def test_a_pair_of_words_the_review_hyphenates_is_joined_wherever_it_starts(assistant):
    corrected = assistant.analyzer.correct("whats her2 low mean")
    assert "HER2-low" in corrected, corrected
    answer = assistant.ask("whats her2 low mean")
    assert "IHC score of 1+ or 2+" in answer.answer, answer.answer


def test_a_lone_minus_sign_inside_a_subtype_stays_a_sign(assistant):
    assert "HER2-negative" not in assistant.analyzer.correct("HR+/HER2- incidence?")


def test_what_the_asker_already_knows_told_after_the_question_asks_for_nothing(assistant):
    answer = assistant.ask("what's the DAR of kadcyla? I know enhertu is about 8")
    assert answer.abstained and "does not report" in answer.answer and "**" not in answer.answer, answer.answer


def test_the_subject_of_the_sentence_before_is_named_after_its_leading_phrase(assistant):
    # ("how does the review define an IHC HER2 score of 3+?" is a definition now, which quotes the sentence before too)
    answer = assistant.ask("what percent of cells have to stain for her2 3+")
    assert "[HER2’s] expression is defined as intense (3+)" in answer.answer, answer.answer


def test_a_population_asked_after_a_trials_answer_is_asked_of_that_trial(converse):
    answer = converse("what trials r running with trastuzumab duocarmazine", "any data in her2 low?")
    assert "28% to 40%" in answer.answer and "From “HER2-Low BC”" not in answer.answer, answer.answer


def test_a_part_asked_counts_once_however_many_of_its_words_a_sentence_repeats():
    groups = concept_groups("if she gets a brain spot and they do radiation, can she keep taking tukysa?",
                            {"tukysa": ["tucatinib", "Tukysa"]})
    repeating = "Its small size facilitates the crossing of the brain–blood barrier into the central nervous system."
    answering = ("This trial included patients with brain metastasis. In these cases, if patients presented local "
                 "progression, treatment could be continued after local therapy.")
    assert parts_covered(groups, repeating) == 1
    assert parts_covered(groups, answering) == 3


def test_a_name_meets_its_shorter_form():
    assert parts_covered(concept_groups("does herceptin bind p95her2?"), "p95 is not recognized by trastuzumab") == 2


def test_a_condition_before_a_yes_no_question_keeps_it_a_yes_no():
    assert classify("if she gets radiation for a brain spot, can she keep taking tukysa?") == "yesno"


def test_an_effect_asked_of_a_drug_is_what_the_review_says_the_effect_is(assistant):
    answer = assistant.ask("what is the bystander effect of enhertu")
    assert "crosses the cellular membrane" in answer.answer, answer.answer


def test_what_someone_said_a_drug_has_asks_what_that_is(assistant):
    answer = assistant.ask("the doctor said enhertu has a 'bystander' effect, what does that mean")
    assert "crosses the cellular membrane" in answer.answer, answer.answer


def test_a_population_by_age_is_one_the_review_never_sets_apart(assistant):
    answer = assistant.ask("im 70 is enhertu safe for older people")
    assert answer.abstained and "older people" in answer.answer, answer.answer


def test_two_drugs_the_review_never_gives_together_are_declined_when_asked_together(assistant):
    answer = assistant.ask("can i take nerlynx and tukysa at the same time")
    assert answer.abstained and "given together" in answer.answer, answer.answer
    paired = assistant.ask("can enhertu and tukysa be combined?")  # a trial's arm gives them together
    assert not paired.abstained and "T-DXd plus Tucatinib" in paired.answer, paired.answer


def test_which_of_the_trials_with_an_arm_lists_every_row_whose_arms_give_it(assistant):
    answer = assistant.ask("which of the ongoing T-DXd trials include a durvalumab arm")
    assert "DESTINY-Breast 07" in answer.answer and "DESTINY-Breast 08" in answer.answer, answer.answer


@pytest.mark.parametrize("question, intent", [
    ("which of the TKIs cross the blood brain barrier", "list"),
    ("which of these drugs is oral", "fact"),
    ("which of the two trials had more patients", "fact"),
])
def test_which_of_a_plural_lists_its_members_unless_one_is_picked(question, intent):
    assert classify(question) == intent


def test_a_later_part_asking_an_endpoint_asks_it_of_the_trial_named_before(assistant):
    answer = assistant.ask("did T-DXd + pertuzumab beat THP in DESTINY-Breast09? whats the PFS")
    assert answer.abstained and "16.4" not in answer.answer, answer.answer


def test_what_the_nurse_said_stays_when_the_question_points_back_at_it(converse):
    answer = converse("my sister is getting enhertu now because kadcyla stopped working. is it effective?",
                      "the nurse said something about lung problems. how common is that, can it kill you?")
    assert "13.6%" in answer.answer and "2.2%" in answer.answer, answer.answer


def test_food_and_supplements_with_a_drug_are_not_in_the_review(assistant):
    answer = assistant.ask("can i eat grapefruit or take other meds with tukysa")
    assert answer.abstained and "grapefruit" in answer.answer, answer.answer


def test_a_guess_at_the_schedule_is_no_question_of_its_own(assistant):
    answer = assistant.ask("how much tukysa does she take, is it pills twice a day")
    assert answer.abstained and "dose" in answer.answer and "**" not in answer.answer, answer.answer


def test_a_qualifier_the_reading_carried_over_does_not_decline_what_was_typed(converse):
    # 'median' was the last turn's word; the OS the review gives answers "and the os?", the gap said beside it
    answer = converse("what was the median pfs in her2climb", "and the os?")
    assert not answer.abstained and "44.9%" in answer.answer, answer.answer
    assert "median OS" in answer.notice, answer.notice


def test_that_asked_of_with_a_copula_is_what_the_last_answer_said(converse):
    answer = converse("lung problems with enhertu?", "was that ever deadly?")
    assert "2.2%" in answer.answer, answer.answer


def test_a_rate_asked_is_given_by_the_sentence_about_the_thing_asked(assistant):
    answer = assistant.ask("how frequent is intratumoral heterogeneity of HER2 in HER2+ BC")
    assert "16–36%" in answer.answer.split("\n")[0], answer.answer


def test_patchy_expression_is_what_the_review_calls_heterogeneity(assistant):
    answer = assistant.ask("how often is HER2 expression patchy?")
    assert "16–36%" in answer.answer.split("\n")[0], answer.answer


@pytest.mark.parametrize("question, parts", [
    ("did the TULIP trial meet its PFS endpoint and by how much", 1),
    ("what dose of enhertu did they give in destiny-breast04? and how often", 1),  # the dose's schedule
    ("how common is ILD with enhertu? and how often is it fatal", 2),
])
def test_a_wh_word_alone_asks_more_of_the_part_before(question, parts):
    assert len(split_parts(question)) == parts


def test_a_result_never_reported_is_declined_with_its_by_how_much(assistant):
    answer = assistant.ask("did TULIP meet its primary endpoint and by how much?")
    assert answer.abstained and "**" not in answer.answer, answer.answer


def test_making_that_more_tolerable_asks_about_what_the_last_answer_said(converse):
    answer = converse("nerlynx side effects?", "can they make this more tolerable?")
    assert "CONTROL trial" in answer.answer, answer.answer


def test_a_question_asked_of_each_column_of_one_row_is_answered_by_its_row(assistant):
    assert classify("ARX788 - what payload, what phase?") == "fact"
    answer = assistant.ask("TULIP: which drug, what payload, what phase?")
    assert "DUBA" in answer.answer and "Vic-trastuzumab duocarmazine" in answer.answer, answer.answer


def test_still_after_a_treatment_told_before_asks_it_after_that_treatment(assistant):
    answer = assistant.ask("my mom was on kadcyla and it quit working. could enhertu still help her?")
    assert "after failure of T-DM1" in answer.answer, answer.answer


def test_the_reasoning_for_something_asks_why():
    assert classify("whats the reasoning behind giving atezolizumab with kadcyla") == "why"


def test_lab_work_and_testing_in_people_are_preclinical_and_clinical_trials(converse):
    answer = converse("what is AXL", "any AXL blockers tried in people yet, or only lab stuff?")
    assert "currently being evaluated in clinical trials" in answer.answer, answer.answer


def test_it_after_a_name_told_before_the_question_is_that_name(assistant):
    answer = assistant.ask("my friend mentioned the DESTINY-Breast03 trial, how did it turn out?")
    assert "60.9%" in answer.answer and "13.6%" in answer.answer, answer.answer


def test_what_it_found_after_what_a_trial_was_about_is_one_overview():
    assert split_parts("what was the NALA trial about and what did it show?") == [
        "what was the NALA trial about what did it show?"]
    assert len(split_parts("what is AXL and how does it work?")) == 2


def test_hospice_and_palliative_care_are_not_in_the_review(assistant):
    answer = assistant.ask("how long do patients live in hospice once HER2 drugs stop working")
    assert answer.abstained and "hospice" in answer.answer, answer.answer


def test_a_greek_singular_meets_its_plural():
    assert light_stem("metastasis") == light_stem("metastases")
    assert light_stem("analysis") == light_stem("analyses")


def test_the_trial_in_a_later_part_about_a_drug_is_that_drugs_trial(assistant):
    answer = assistant.ask("is tukysa ok with brain mets? were ppl with brain mets even in the trial")
    assert "approximately 45%" in answer.answer, answer.answer


def test_a_drug_given_as_an_example_of_a_class_leaves_the_class_asked(assistant):
    assert without_framing("which checkpoints are raised by ADCs like enhertu") == "which checkpoints are raised by ADCs"
    answer = assistant.ask("enhertu is an ADC - what are the components of an ADC?")
    assert "a linker used to connect" in answer.answer, answer.answer


def test_a_noun_after_the_verb_is_the_subject_not_the_kind_asked(assistant):
    answer = assistant.ask("which checkpoint receptors do ADCs upregulate?")
    assert "CTLA-4, PD-1, and PD-L1" in answer.answer and not answer.abstained, answer.answer


def test_how_often_beside_a_dose_asks_its_schedule(assistant):
    answer = assistant.ask("what dose of T-DXd was given in DESTINY-Breast04 and how often")
    assert "5.4 mg/kg every three weeks" in answer.answer and not answer.abstained, answer.answer
    assert len(split_parts("what dose of tucatinib do they take and how many times a day")) == 1


def test_a_blood_cancer_is_what_the_review_calls_a_hematologic_cancer(assistant):
    answer = assistant.ask("is CAR-T established for HER2+ BC, as it is for leukemia?")
    assert "hematologic cancers" in answer.answer, answer.answer


def test_the_two_are_the_subjects_of_the_last_two_turns(converse):
    answer = converse("payload of enhertu?", "what about kadcyla", "which of the two has a cleavable linker?")
    assert "tetrapeptide-based cleavable linker" in answer.answer, answer.answer


def test_an_endpoint_said_where_the_trial_is_described_answers_without_its_name(assistant):
    answer = assistant.ask("KATHERINE: T-DM1 vs trastuzumab for residual disease - what were the iDFS results?")
    assert "88.3% vs. 77%" in answer.answer and not answer.abstained, answer.answer


def test_what_the_asker_believes_of_the_subjects_after_the_question_asks_nothing(assistant):
    answer = assistant.ask("contrast ZW25 with PRS-343? they both look like bispecifics to me")
    assert "33% response rate" in answer.answer and "58%" in answer.answer, answer.answer


@pytest.mark.parametrize("question", [
    "ok and if someone progressed only in the brain did they have to come off treatment?",
    "if my scans show growth can i keep taking it?",
])
def test_a_condition_without_a_comma_before_a_yes_no_keeps_it_a_yes_no(question):
    assert classify(question) == "yesno"


def test_they_after_the_people_a_question_names_are_those_people(converse):
    answer = converse("tell me about HER2CLIMB", "if patients progressed only in the brain did they have to stop treatment?")
    assert "tucatinib have" not in answer.resolved_question, answer.resolved_question


def test_the_point_that_answered_is_told_by_its_topic_words_not_the_subject_every_point_names(converse):
    answer = converse("What did the NALA trial lead to for neratinib?", "What limits its use in practice?",
                      "And how is that being addressed?")
    assert "CONTROL trial" in answer.answer, answer.answer


def test_please_is_no_topic_the_review_lacks(assistant):
    answer = assistant.ask("tell me about the HER2CLIMB study please")
    assert not answer.abstained and "7.8 months" in answer.answer, answer.answer


def test_the_subject_carried_on_is_the_one_the_answer_was_about(converse):
    answer = converse("what role does IGF-IR play in resistance to HER2 drugs", "any clinical data yet or just preclinical?")
    assert "IGF-IR" in answer.resolved_question, answer.resolved_question


@pytest.mark.parametrize("question", [
    "whats the point of pairing immunotherapy with T-DM1?",
    "why give checkpoint blockers together with ADCs",
])
def test_why_two_treatments_are_combined_is_the_reason_the_review_gives_for_combining_them(assistant, question):
    answer = assistant.ask(question)
    assert "synergistic activation of CD8 T cells" in answer.answer and "lymphoid infiltration" in answer.answer, \
        answer.answer


def test_a_combination_asked_of_a_subject_whose_own_text_explains_it_keeps_that_text(assistant):
    answer = assistant.ask("why would you add a CDK4/6 inhibitor to anti-HER2 drugs")
    assert "CCND1 overexpression can activate CDK4 and CDK6" in answer.answer, answer.answer


def test_no_reason_for_a_combination_the_review_never_gives_one_for_is_borrowed(assistant):
    answer = assistant.ask("why combine T-DXd with pertuzumab")
    assert "CD8 T cells" not in answer.answer and "CDK4/6 inhibitors combined" not in answer.answer, answer.answer


def test_a_table_rows_payload_is_not_what_it_means_next(converse):
    answer = converse("what payload does disitamab vedotin carry, per table 1?", "and its phase?")
    assert "isitamab" in answer.resolved_question and "MMAE" not in answer.resolved_question, answer.resolved_question


def test_an_acronyms_plural_is_known_as_its_singular(assistant):
    answer = assistant.ask("which NCTs does table 1 give for disitamab vedotin?")
    assert not answer.abstained and "NCT04400695" in answer.answer, answer.answer


@pytest.mark.parametrize("question", [
    "HER2CLIMB: design and results?",
    "what was the outcome of the NALA study",
])
def test_design_and_outcome_of_a_trial_is_its_overview(question):
    assert classify(question) == "overview"


def test_how_often_a_drug_is_given_is_its_interval_not_a_share(assistant):
    given = assistant.ask("how often do patients get enhertu?")
    assert "every three weeks" in given.answer and not given.abstained, given.answer
    missing = assistant.ask("how frequently is kadcyla administered?")
    assert missing.abstained and "how often it is given" in missing.answer, missing.answer


def test_a_measure_of_a_name_asked_as_what_is_the_x_of_y_is_a_figure_to_find(assistant):
    answer = assistant.ask("what's the dosing schedule of trastuzumab deruxtecan?")
    assert "5.4 mg/kg every three weeks" in answer.answer and not answer.abstained, answer.answer


def test_columns_of_a_compound_that_only_fills_an_arm_in_one_table_come_from_its_own_row(assistant):
    answer = assistant.ask("ARX788: payload and phase, and the trial name?")
    assert "AS269" in answer.answer and "ACE-Breast 03" in answer.answer, answer.answer


def test_hard_to_take_asks_what_limits_a_drug(assistant):
    answer = assistant.ask("why do people find nerlynx so hard to tolerate?")
    assert "high incidence of diarrhea" in answer.answer, answer.answer


def test_which_trial_was_that_is_the_trial_the_last_answers_passage_named(converse):
    answer = converse("what dose of T-DXd did the HER2-low patients get?", "which trial was that?")
    assert "DESTINY-breast04" in answer.resolved_question and "DESTINY-breast04" in answer.answer, answer.resolved_question


def test_that_after_a_preposition_ending_the_turn_is_the_last_topic(converse):
    answer = converse("what does HER2-low mean?", "and is enhertu any good for that?")
    assert "HER2-low" in answer.resolved_question and "significantly improved PFS and OS" in answer.answer, \
        (answer.resolved_question, answer.answer)


def test_whats_the_paper_asks_for_the_reference(assistant):
    assert classify("ok whats the paper?") == "reference"
    assert classify("what does the paper say about ILD?") != "reference"


def test_the_parts_of_one_of_a_class_named_by_example_are_the_classes_parts(assistant):
    answer = assistant.ask("what are the building blocks of an ADC such as enhertu?")
    assert "three components" in answer.answer, answer.answer


def test_which_of_two_drugs_is_better_brings_the_trial_that_set_them_against_each_other(assistant):
    answer = assistant.ask("kadcyla or enhertu - which is better?")
    assert "head-to-head trial to compare T-DXd with T-DM1" in answer.answer, answer.answer


def test_a_question_passed_on_from_someone_else_is_the_question(assistant):
    assert without_framing("my husband keeps asking why enhertu works after kadcyla - whats the reason?") == \
        "why enhertu works after kadcyla?"
    answer = assistant.ask("a patient asked me why tukysa is easier to tolerate than the other TKIs, what's the reason?")
    assert "minimal inhibition of EGFR" in answer.answer, answer.answer


def test_that_trial_beside_it_is_the_trial_the_last_answer_named(converse):
    answer = converse("what about palbociclib plus trastuzumab?", "did it work for all patients in that study?")
    assert "PATRICIA" in answer.resolved_question, answer.resolved_question


def test_a_drug_named_as_what_patients_had_before_is_not_an_arm_set_against_the_other(assistant):
    answer = assistant.ask("herceptin vs kadcyla for residual disease after surgery, which did better?")
    assert "14 cycles of adjuvant T-DM1 or trastuzumab" in answer.answer and "EMILIA" not in answer.answer, answer.answer


@pytest.mark.parametrize("question", [
    "kadcyla or enhertu - which is gentler?",
    "tykerb or tukysa, which one is easier on patients?",
])
def test_which_of_two_is_easier_sets_them_against_each_other(question):
    assert classify(question) == "compare"


def test_which_is_easier_on_the_body_compares_their_safety(assistant):
    answer = assistant.ask("nerlynx or tukysa, which one is easier on the body?")
    assert "high incidence of diarrhea" in answer.answer and "grade III or higher adverse events" in answer.answer, \
        answer.answer


@pytest.mark.parametrize("question", [
    "can she travel abroad while on enhertu?",
    "what should he eat to cope with nerlynx?",
])
def test_everyday_life_on_treatment_is_not_in_the_review(assistant, question):
    answer = assistant.ask(question)
    assert answer.abstained and "does not mention" in answer.answer, answer.answer


def test_results_asked_again_in_a_later_part_of_a_trial_only_announced_are_declined(assistant):
    answer = assistant.ask("has TULIP reported anything? and what were the results")
    assert answer.abstained and "reports no results" in answer.answer, answer.answer


def test_a_reference_for_a_claim_summed_up_as_these_findings_quotes_the_findings(assistant):
    answer = assistant.ask("which paper backs the anti-FGFR4 plus anti-HER2 synergy?")
    assert "patient-derived xenografts and organoids" in answer.answer and "Zou" in answer.answer, answer.answer


def test_what_is_being_looked_into_is_the_research_the_field_is_centred_on(assistant):
    answer = assistant.ask("besides the usual drugs, what other her2 treatments is the field looking into?")
    assert "bispecific antibodies, CAR-T" in answer.answer, answer.answer


@pytest.mark.parametrize("question", [
    "what HER2CLIMB trial show?",
    "what were the KATE2 results (kadcyla plus atezo)",
])
def test_a_trials_results_asked_without_its_auxiliary_or_with_a_gloss_are_its_overview(question):
    assert classify(question) == "overview"


def test_allowed_into_a_trial_asks_whom_it_included(assistant):
    answer = assistant.ask("would a patient with active brain mets have been allowed into HER2CLIMB?")
    assert "active and treated brain metastasis" in answer.points[0].text, answer.answer


def test_lay_words_for_a_metastasis_and_the_primary_tumour(assistant):
    answer = assistant.ask("can her2 differ between the original tumour and the spread tumour, and how often?")
    assert "9–60%" in answer.answer, answer.answer


def test_an_author_named_before_definition_of_is_no_term_to_define(assistant):
    answer = assistant.ask("which paper supports the Metzger definition of a heterogeneous tumour?")
    assert not answer.abstained and "Metzger et al. classified" in answer.answer, answer.answer


def test_an_overview_asked_along_with_its_references_is_an_overview():
    assert classify("summarise what the review says about NALA along with the references it cites") == "overview"


def test_a_side_of_a_safety_comparison_brings_the_reviews_verdict_on_it(assistant):
    answer = assistant.ask("which is gentler, tucatinib or neratinib?")
    assert "favorable toxicity profile" in answer.answer and "high incidence of diarrhea" in answer.answer, answer.answer


@pytest.mark.parametrize("question, rows, absent", [
    ("in the first table, which conjugates are only at phase one?", ["ZW49", "Zanidatamab zovodotin"], "A166"),
    ("from table two, list the phase two trials", ["ACE-Breast 03", "HER2CLIMB-04"], "DESTINY-Breast 09"),
])
def test_tables_and_phases_spelled_out_are_read_as_numbers(assistant, question, rows, absent):
    answer = assistant.ask(question)
    assert answer.table is not None and all(any(r in " ".join(row) for row in answer.table.rows) for r in rows), answer.answer
    assert absent not in answer.answer, answer.answer


def test_is_there_a_trial_listed_for_a_topic_reads_the_tables_rows(assistant):
    answer = assistant.ask("is there any T-DXd study for brain mets listed?")
    assert answer.table is not None and "NCT04752059" in answer.answer, answer.answer


def test_a_verb_in_a_topic_is_read_by_its_stem_not_declined_as_unknown(assistant):
    answer = assistant.ask("where does the review say T-DXd works in HER2-low tumours? which paper?")
    assert "does not mention" not in answer.answer, answer.answer


@pytest.mark.parametrize("question", [
    "drug-to-antibody ratio of kadcyla?",
    "what's the drug to antibody ratio for T-DM1",
])
def test_a_property_printed_only_for_another_drug_is_declined_for_the_one_asked(assistant, question):
    answer = assistant.ask(question)
    assert answer.abstained and "drug-to-antibody ratio" in answer.answer and "approximately eight" in answer.answer, \
        answer.answer


def test_a_property_of_the_drug_it_is_printed_for_is_still_given(assistant):
    answer = assistant.ask("drug-to-antibody ratio of trastuzumab deruxtecan?")
    assert not answer.abstained and "approximately eight" in answer.answer, answer.answer


def test_a_yes_no_after_a_and_is_a_part_of_its_own(assistant):
    assert split_parts("which study led to the approval of tucatinib and were patients with brain lesions in it") == [
        "which study led to the approval of tucatinib", "were patients with brain lesions in it"]
    assert split_parts("patients who were treated and were refractory") == ["patients who were treated and were refractory"]
    assert len(split_parts("which linker does ARX788 use and is it cleavable")) == 1  # one subject asked in one breath


def test_it_in_a_later_part_is_the_trial_the_part_before_found(assistant):
    answer = assistant.ask("what trial got tucatinib its FDA approval, and were patients with brain metastases let into it?")
    assert "HER2CLIMB" in answer.answer and "active and treated brain metastasis" in answer.answer, answer.answer


def test_people_like_someone_described_before_the_question_keeps_the_description(assistant):
    answer = assistant.ask("My aunt's cancer has spread to her brain. Could someone like her join the tucatinib study?")
    assert "active and treated brain metastasis" in answer.answer, answer.answer


def test_a_name_then_a_dash_then_a_yes_no_is_a_yes_no():
    assert classify("HER2CLIMB - were patients allowed to continue after local therapy?") == "yesno"
    assert classify("NALA: did neratinib beat lapatinib") == "yesno"


def test_results_after_a_turn_that_found_a_trial_are_that_trials(converse):
    answer = converse("was there ever a head to head trial of enhertu and kadcyla?", "so what did it find")
    assert "DESTINY-Breast03" in answer.resolved_question and "60.9%" in answer.answer, (answer.resolved_question,
                                                                                          answer.answer)


def test_a_column_asked_after_one_table_row_is_that_rows(converse):
    answer = converse("is ARX788 in table 2?", "what's the primary endpoint there?")
    assert "ACE-Breast 03" in answer.resolved_question and "ORR" in answer.answer, (answer.resolved_question, answer.answer)


def test_which_drugs_go_after_a_pathway_lists_every_inhibitor_of_it(assistant):
    answer = assistant.ask("what drugs attack the PI3K/AKT/mTOR pathway?")
    assert all(d in answer.answer for d in ("everolimus", "ipatasertib", "apitolisib", "Alpelisib")), answer.answer


def test_one_of_these_class_medicines_asks_of_the_class(assistant):
    answer = assistant.ask("which parts make up one of those antibody drug conjugate medicines?")
    assert "three components" in answer.answer, answer.answer


def test_a_request_then_a_full_stop_then_a_question_are_two_parts():
    assert split_parts("define HER2-low breast cancer. how is it treated") == ["define HER2-low breast cancer", "how is it treated"]
    assert split_parts("my mum is on kadcyla. what are the side effects") == ["my mum is on kadcyla. what are the side effects"]


def test_a_length_of_time_asked_in_a_unit_needs_a_figure_in_it(assistant):
    answer = assistant.ask("how many more months of life did T-DXd give HER2-low patients in DESTINY-Breast04?")
    assert answer.abstained and "months" in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["which is gentler, tucatinib or neratinib?", "which one is better: enhertu or kadcyla"])
def test_which_is_better_asked_before_the_two_are_named_compares_them(question):
    assert classify(question) == "compare"


def test_drugs_that_act_on_a_pathway_are_those_of_the_section_titled_with_it(assistant):
    answer = assistant.ask("which drugs block the PI3K/AKT/mTOR pathway?")
    assert all(d in answer.answer for d in ("everolimus", "ipatasertib", "apitolisib", "Alpelisib")), answer.answer


def test_a_doubt_after_the_question_asks_nothing_of_its_own():
    assert without_framing("how do kadcyla and enhertu differ? arent they both just herceptin plus chemo") == \
        "how do kadcyla and enhertu differ?"


def test_a_reference_answer_quotes_what_the_cited_study_went_on_to_find(assistant):
    answer = assistant.ask("which paper found activating HER2 mutations in tumours without amplification?")
    assert "Bose" in answer.answer and "L755S" in answer.answer, answer.answer
    assert answer.answer.index("L755S") < answer.answer.index("It cites reference 28"), answer.answer


def test_a_figure_of_a_comparator_arm_the_review_does_not_give_is_declined(assistant):
    answer = assistant.ask("median PFS in the T-DM1 control arm of DESTINY-Breast03?")
    assert answer.abstained and "T-DM1 arm" in answer.answer, answer.answer


def test_tell_me_how_often_asks_a_question_not_a_topic(assistant):
    answer = assistant.ask("can you tell me how often the lung problem happened on enhertu?")
    assert not answer.abstained and "13.6%" in answer.answer, answer.answer


def test_how_much_do_they_give_asks_the_dose(assistant):
    answer = assistant.ask("enhertu: how much do they give and how often?")
    assert "5.4 mg/kg" in answer.answer, answer.answer


def test_cancer_left_after_treatment_is_residual_disease(assistant):
    answer = assistant.ask("is kadcyla used for leftover cancer after chemo?")
    assert "KATHERINE" in answer.answer and "residual disease" in answer.answer, answer.answer


@pytest.mark.parametrize("question, intent", [
    ("ok so what even is HER2-low", "definition"),
    ("wait so what is a PROTAC", "definition"),
    ("what happened in HER2CLIMB with tukysa", "overview"),
])
def test_chat_openers_and_fillers_leave_the_intent(question, intent):
    assert classify(question) == intent


def test_a_class_asked_is_listed_from_the_sentences_naming_the_class(assistant):
    answer = assistant.ask("which TKIs got FDA approval?")
    assert all(d in answer.answer.lower() for d in ("lapatinib", "neratinib", "tucatinib")), answer.answer
    assert "T-DXd" not in answer.answer.split("\n")[0], answer.answer


def test_drugs_asked_of_a_trial_come_from_where_it_is_described(assistant):
    answer = assistant.ask("what prior drugs had patients in HER2CLIMB been given")
    assert "pertuzumab" in answer.answer and "T-DM1" in answer.answer and "atezolizumab" not in answer.answer, answer.answer


def test_a_chain_of_this_sentences_is_followed_back_to_what_it_names(assistant):
    answer = assistant.ask("why is PI3K/AKT/mTOR a good target when trastuzumab resistance develops")
    assert "PIK3CA" in answer.answer and "hyperactivation" in answer.answer, answer.answer


def test_those_two_after_a_two_row_table_are_its_rows(converse):
    answer = converse("which table 1 ADCs are only at phase I?", "what do those two share?")
    assert "ZW49" in answer.resolved_question and "Zanidatamab zovodotin" in answer.resolved_question, answer.resolved_question


def test_an_endpoint_alone_after_a_question_without_one_asks_it_on_that_endpoint(converse):
    answer = converse("what is tykerb", "did adding it to xeloda help?", "and overall survival?")
    assert "overall survival" in answer.resolved_question and "tykerb" in answer.resolved_question, answer.resolved_question
    assert "75.0 weeks" in answer.answer, answer.answer


def test_they_after_a_plural_topic_of_one_drug_is_that_topic(converse):
    answer = converse("what is tucatinib", "does it have side effects", "are they usually bad?")
    assert "side effects" in answer.resolved_question and "grade III or higher" in answer.answer, \
        (answer.resolved_question, answer.answer)


def test_how_much_better_of_two_drugs_brings_the_trial_where_they_met(assistant):
    answer = assistant.ask("kadcyla vs herceptin post surgery - how much better did kadcyla do?")
    assert classify("kadcyla vs herceptin post surgery - how much better did kadcyla do?") == "compare"
    assert "88.3% vs. 77%" in answer.answer, answer.answer


def test_an_endpoint_alone_after_an_overview_asks_its_subjects_endpoint(converse):
    answer = converse("what did HER2CLIMB show", "pfs?")
    assert "HER2CLIMB" in answer.resolved_question and "7.8 months" in answer.answer, (answer.resolved_question,
                                                                                         answer.answer)


def test_a_yes_no_about_a_drug_in_some_patients_adds_what_its_trial_did_in_them(assistant):
    answer = assistant.ask("is tucatinib any good against brain metastases?")
    assert "brain–blood barrier" in answer.answer and "active and treated brain metastasis" in answer.answer, answer.answer


def test_an_inflection_with_its_final_e_dropped_is_no_typo(assistant):
    answer = assistant.ask("which T-DXd trials are 1st line? what are they comparing against")
    assert "comparing" in answer.resolved_question and "DESTINY-Breast 06" in answer.answer \
        and "DESTINY-Breast 09" in answer.answer, (answer.resolved_question, answer.answer)


def test_a_trial_is_cited_where_a_sentence_names_it_with_its_own_marker(assistant):
    # (a guard: this wording found reference 43 before; the review's other DESTINY-Breast03 sentence runs on
    # to DESTINY-Breast01's marker [45], which one wording of the question picked)
    answer = assistant.ask("which reference does the review give for destiny breast03?")
    assert "reference 43" in answer.answer and "reference 45" not in answer.answer, answer.answer


def test_surgery_told_with_a_possessive_is_the_adjuvant_setting_not_a_missing_topic(assistant):
    answer = assistant.ask("my aunt got kadcyla after her surgery since some tumour was left. "
                           "how big was the KATHERINE trial?")
    assert not answer.abstained and "1486 patients" in answer.answer, answer.answer


def test_what_a_figure_is_for_before_a_colon_asks_nothing(assistant):
    answer = assistant.ask("one number for my thread: how common is HER2-positive disease among breast cancers?")
    assert not answer.abstained and "15–20%" in answer.answer, answer.answer


@pytest.mark.parametrize("word", ["stat", "stats"])
def test_a_bare_drug_suffix_is_no_drug_name(assistant, word):
    query = assistant.pipeline.analyzer.analyze(f"give me a {word} on HER2 amplification")
    assert word not in [e.lower() for e in query.entities], query.entities


def test_a_review_word_said_in_other_words_is_no_missing_topic(assistant):
    answer = assistant.ask("what does the review mention as candidate biomarkers among DNA mutations?")
    assert not answer.abstained and "ESR1" in answer.answer, answer.answer


@pytest.mark.parametrize("turns, reading, fact", [
    (("when was T-DM1 approved in metastatic disease?", "and in early stage after surgery?"),
     "after surgery", "May 2019"),
    (("HER2 heterogeneity in the neoadjuvant setting - what did Metzger find?", "what about in the metastatic setting"),
     "metastatic setting", "low-level HER2 amplification"),
])
def test_a_turn_that_is_only_a_setting_asks_the_last_question_in_that_setting(converse, turns, reading, fact):
    answer = converse(*turns)
    assert reading in answer.resolved_question and turns[0].split()[0].lower() in answer.resolved_question.lower(), \
        answer.resolved_question
    assert fact in answer.answer, answer.answer


def test_an_ordinary_hyphenated_word_keeps_its_case_and_asks_for_no_name(assistant):
    query = assistant.pipeline.analyzer.analyze(assistant.pipeline.analyzer.correct("was T-DM1 approved for early stage disease"))
    assert "Early-Stage" not in query.entities, query.entities


@pytest.mark.parametrize("question", ["any drugs that hit Src?", "any agents against src"])
def test_any_drugs_that_do_something_lists_them(assistant, question):
    assert classify(question) == "list"
    answer = assistant.ask(question)
    assert "dasatinib" in answer.answer and "saracatinib" in answer.answer, answer.answer


def test_the_unit_of_a_figure_asked_after_it_is_no_new_part(assistant):
    assert len(split_parts("median OS with T-DXd in DESTINY-Breast03? how many months each")) == 1
    answer = assistant.ask("median OS with enhertu vs kadcyla in destiny-breast03? in months for each")
    assert answer.abstained and "median OS" in answer.answer, answer.answer


def test_a_figure_of_another_trial_quoted_beside_is_not_the_named_trials(assistant):
    answer = assistant.ask("enhertu vs kadcyla median overall survival in DESTINY-Breast03 - how many months?")
    assert answer.abstained and "30.9" not in answer.answer.split("What it says")[0], answer.answer


def test_a_cause_given_by_which_explains_answers_a_why(assistant):
    answer = assistant.ask("how come tukysa is less toxic than the other TKIs?")
    assert "minimal inhibition of EGFR" in answer.answer, answer.answer


def test_a_plural_abbreviation_is_met_by_its_singular(assistant):
    assert "TKI" in assistant.pipeline.analyzer.aliases_of("TKIs")
    assert "ADC" in assistant.pipeline.analyzer.aliases_of("ADCs")


def test_each_property_listed_in_a_fact_question_is_answered(assistant):
    answer = assistant.ask("her2climb: median follow up + randomization ratio")
    assert "2:1" in answer.answer and "14 months" in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["walk me through HER2CLIMB", "Walk me through the NALA trial - design and what it found"])
def test_walk_me_through_a_trial_is_its_overview(assistant, question):
    assert classify(question) == "overview"
    assert len(split_parts(question)) == 1
    answer = assistant.ask(question)
    assert "**Results**" in answer.answer and "?**" not in answer.answer, answer.answer


def test_a_part_headed_in_the_answer_ends_in_one_question_mark(assistant):
    answer = assistant.ask("what is the payload of T-DXd. what did they find with it.")
    assert ".?" not in answer.answer, answer.answer


def test_trials_of_two_drugs_together_show_their_rows_and_the_text_citing_them(assistant):
    answer = assistant.ask("is anybody trialling tucatinib together with enhertu?")
    assert answer.table is not None and "HER2CLIMB-04" in answer.answer, answer.answer
    assert "several phase II trials" in answer.answer and "**In the text**" in answer.answer, answer.answer


def test_a_sentence_for_this_reason_brings_the_reason_before_it(converse):
    answer = converse("cdk4/6 inhibitors in her2+ disease - any role?", "in PATRICIA, which patients did well?")
    assert "PAM50 associated the luminal intrinsic subtype" in answer.answer, answer.answer


def test_what_an_ongoing_trial_aims_to_show_is_no_result_asked(assistant):
    answer = assistant.ask("what is the ongoing PATRICIA-II trial trying to show?")
    assert not answer.abstained and "PAM50 luminal disease" in answer.answer, answer.answer


@pytest.mark.parametrize("question, declined", [
    ("can enhertu get through the blood brain barrier?", True),   # said of lapatinib and tucatinib only
    ("does tukysa cross the blood-brain barrier?", False),        # said of tucatinib ("its small molecular size…")
])
def test_what_a_yes_no_asks_of_one_drug_said_only_of_others_is_declined(assistant, question, declined):
    answer = assistant.ask(question)
    assert answer.abstained == declined, answer.answer
    if declined:
        assert "lapatinib" in answer.answer and "tucatinib" in answer.answer, answer.answer
    else:
        assert "brain–blood barrier" in answer.answer, answer.answer


@pytest.mark.parametrize("question, placed, results", [
    ("can kadcyla be given after an operation when some tumour remains?", "May 2019", "88.3% vs. 77%"),
    ("is neratinib given in the adjuvant setting?", "ExteNET", None),
])
def test_a_curative_setting_asked_of_a_drug_is_answered_where_the_review_places_it(assistant, question, placed, results):
    answer = assistant.ask(question)
    first = answer.answer.lstrip("- ").split("\n")[0]
    assert placed.lower() in first.lower(), answer.answer
    assert "T-DM1 was the first ADC approved" not in answer.answer and "NALA" not in answer.answer, answer.answer
    if results:
        assert results in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["any evidence that blocking AXL helps?", "is there any proof that src inhibitors work"])
def test_any_evidence_that_asks_yes_or_no(question):
    assert classify(question) == "yesno"


def test_disease_growing_on_a_drug_is_progression_and_staying_on_it_is_continuing(assistant):
    answer = assistant.ask("if the spots in her brain grow while she's on tucatinib, does she need to stop it?")
    assert "treatment could be continued after local therapy" in answer.answer, answer.answer


def test_what_doctors_start_with_is_the_first_line_standard(assistant):
    answer = assistant.ask("which drugs do oncologists usually begin with for HER2+ metastatic disease?")
    assert "CLEOPATRA" in answer.answer and "pertuzumab–trastuzumab–docetaxel" in answer.answer, answer.answer


def test_residual_disease_after_neoadjuvant_treatment_is_the_adjuvant_setting(assistant):
    for question in ("kadcyla for cancer left after neoadjuvant chemo - what trial?", "is T-DM1 given post-neoadjuvant?"):
        answer = assistant.ask(question)
        assert not answer.abstained and "KATHERINE" in answer.answer and "88.3% vs. 77%" in answer.answer, answer.answer


def test_a_name_carried_into_the_pronouns_place_is_the_turns_subject(converse):
    answer = converse("which trial led to nerlynx being approved in metastatic disease?",
                      "what ORR did it reach against lapatinib, and for how long did responses last?")
    assert not answer.abstained and "32.8% vs. 26.7%" in answer.answer, answer.answer


def test_it_beside_that_trial_is_the_drug_and_that_trial_the_trial_named(converse):
    answer = converse("when did kadcyla get approved in metastatic disease", "what about its adjuvant approval, which trial?",
                      "and how much did it help in that trial")
    assert "kadcyla" in answer.resolved_question and "KATHERINE" in answer.resolved_question, answer.resolved_question
    assert "88.3% vs. 77%" in answer.answer, answer.answer


def test_adjuvant_after_a_relapse_dates_it_and_asks_no_setting(assistant):
    answer = assistant.ask("T-DM1's 2013 label - relapse within how long after adjuvant therapy?")
    assert "within 6 months" in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["who are the authors of this HER2 resistance review in Cancers?",
                                      "when was the review published, and in what journal?"])
def test_the_review_described_in_a_few_words_is_still_the_review_itself(assistant, question):
    answer = assistant.ask(question)
    assert "From its header: Tapia et al." in answer.answer and "It cites reference" not in answer.answer, answer.answer


def test_that_said_before_and_it_carried_are_read_together(converse):
    answer = converse("is kadcyla given after neoadjuvant treatment when disease remains?",
                      "and when did FDA approve it for that?")
    assert "kadcyla" in answer.resolved_question and "May 2019" in answer.answer, (answer.resolved_question, answer.answer)


def test_what_a_typed_ihc_score_means_is_its_definition(assistant):
    answer = assistant.ask("the biopsy said HER2 3+ - what does 3+ mean exactly")
    assert "complete circumferential membrane staining" in answer.answer, answer.answer


def test_means_is_no_topic_the_review_lacks(assistant):
    answer = assistant.ask("tykerb vs tukysa: HER2 vs EGFR selectivity, and what does the review say that means for side effects?")
    assert "The review does not mention means" not in answer.answer and "minimal inhibition of EGFR" in answer.answer, answer.answer


def test_past_the_second_line_is_the_reviews_third_and_later_lines(assistant):
    answer = assistant.ask("is there any standard therapy beyond the second line?")
    assert "no standard of care" in answer.answer and "third and later lines" in answer.answer, answer.answer


def test_members_quoted_from_this_study_bring_whose_study_it_was(assistant):
    answer = assistant.ask("what HER2 mutations did the Bose study identify?")
    assert "L755S" in answer.answer and "Bose et al. found" in answer.answer, answer.answer


def test_a_source_named_as_the_figures_scope_asks_no_reference(assistant):
    answer = assistant.ask("according to the SEER data cited, how does HR+/HER2+ incidence compare to HR-/HER2+ disease?")
    assert answer.intent != "reference" and "12.6 cases" in answer.answer and "5.1 cases" in answer.answer, answer.answer


def test_a_trials_numbers_are_its_results(assistant):
    assert classify("what were the numbers in NALA") == "overview"
    answer = assistant.ask("ok what were the figures in KATHERINE")
    assert "1486 patients" in answer.answer and "88.3% vs. 77%" in answer.answer, answer.answer


def test_regarding_attaches_a_topic_and_is_no_topic_word(assistant):
    answer = assistant.ask("an overview of the KATE2 study and its data regarding PD-L1 please")
    assert "8.5 months vs. 4.1 months" in answer.answer, answer.answer


def test_which_one_after_an_explained_term_asks_of_that_term(converse):
    answer = converse("explain briefly what an ADC is", "which one was the first ever approved for a solid tumor?")
    assert "explain" not in answer.resolved_question.split("(")[-1] and "T-DM1" in answer.answer, \
        (answer.resolved_question, answer.answer)


@pytest.mark.parametrize("question", ["whats the definition of HER2 heterogeneity thanks",
                                      "how is a “heterogeneous” HER2 tumor defined?"])
def test_courtesy_and_quote_marks_are_no_part_of_the_term_defined(assistant, question):
    answer = assistant.ask(question)
    assert "different areas of the same tumor" in answer.answer and "fewer than 50%" in answer.answer, answer.answer


def test_an_adjective_meets_the_noun_the_review_defines(assistant):
    answer = assistant.ask("what is a heterogeneous her2 tumor")
    assert "different areas of the same tumor" in answer.answer, answer.answer


def test_a_list_held_in_one_cell_is_answered_by_that_row(assistant):
    answer = assistant.ask("list all the arms of DESTINY-Breast 08")
    assert answer.table is not None and len(answer.table.rows) == 1, answer.answer
    assert "T-DXd plus capivasertib" in answer.answer and "DESTINY-Breast 07" not in answer.answer, answer.answer


def test_a_numbered_successors_row_is_not_the_trials_own(assistant):
    answer = assistant.ask("what arms did HER2CLIMB have?")
    assert "HER2CLIMB-04" not in answer.answer, answer.answer


def test_a_finding_keeps_the_caveat_right_after_it(assistant):
    answer = assistant.ask("in CLEOPATRA did low HER2 expression do worse?")
    assert "0.83" in answer.answer and "did not predict a better response" in answer.answer, answer.answer


def test_what_each_side_is_leads_a_comparison_that_asks_it(assistant):
    answer = assistant.ask("ZW25 vs PRS-343: what are they, and what did phase I show?")
    assert "a bispecific antibody" in answer.answer and "bispecific T-cell engager" in answer.answer, answer.answer
    assert "33% response rate" in answer.answer and "58%" in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["is there a medicine for Src?", "so are there drugs against src?"])
def test_a_remedy_asked_for_a_target_lists_the_drugs_against_it(assistant, question):
    answer = assistant.ask(question)
    assert "dasatinib" in answer.answer and "saracatinib" in answer.answer, answer.answer


def test_a_remedy_for_a_condition_is_not_read_as_a_target(assistant):
    assert "any drugs that target" not in assistant.ask("is there a treatment for brain mets?").resolved_question


@pytest.mark.parametrize("question", ["any info on immunotherapy with T-DM1?", "any data on immunotherapy with kadcyla?"])
def test_a_topic_typed_before_the_name_focuses_its_overview(assistant, question):
    answer = assistant.ask(question)
    assert "KATE2" in answer.answer and "8.5 months vs. 4.1 months" in answer.answer, answer.answer
    assert "EMILIA" not in answer.answer, answer.answer


def test_a_hyphened_modifier_is_no_trial_that_trial_can_mean(converse):
    answer = converse("is there data on kadcyla with immunotherapy?", "what drug was added and was that trial phase II?")
    assert "KATE2" in answer.resolved_question and "atezolizumab" in answer.answer, (answer.resolved_question, answer.answer)


def test_what_about_a_name_then_a_question_of_its_own_asks_that_question(converse):
    answer = converse("any data on mTOR inhibitors in her2 disease?", "how about everolimus in particular - what did studies show?")
    assert "everolimus" in answer.resolved_question and "did studies show" in answer.resolved_question, answer.resolved_question
    assert "improve progression-free survival" in answer.answer, answer.answer


def test_a_trial_told_by_its_drugs_stands_alone_and_who_asks_is_no_topic(converse):
    answer = converse("my dad has her2+ cancer and his doctor mentioned immunotherapy. does it work with her2 drugs?",
                      "the study with kadcyla and atezolizumab, who benefited?")
    assert "dad" not in answer.resolved_question and "doctor" not in answer.resolved_question, answer.resolved_question


def test_drugs_given_together_lead_over_drugs_named_as_earlier_treatment(converse):
    answer = converse("what is lapatinib?", "phase III results combining it with trastuzumab?")
    assert "EGF104900" in answer.answer and "12 weeks vs. 8.1 weeks" in answer.answer, answer.answer
    # (named apart, as treatment before, the two drugs answer nothing asked)
    assert "refractory to trastuzumab" not in answer.answer and "TH3RESA" not in answer.answer, answer.answer


def test_all_the_numbers_of_a_trial_keep_no_earlier_topic_words(converse):
    answer = converse("how does tykerb work", "any phase 3 data combining it with herceptin?", "what were the numbers")
    assert "(" not in answer.resolved_question and "12 weeks vs. 8.1 weeks" in answer.answer, \
        (answer.resolved_question, answer.answer)


def test_a_section_asked_about_its_own_topic_with_the_name_stays_whole(assistant):
    answer = assistant.ask("what does the review say about the pi3k/akt/mtor pathway and resistance")
    assert "alpelisib" in answer.answer.lower() and "ipatasertib" in answer.answer, answer.answer


def test_the_current_status_of_a_drug_is_its_overview(assistant):
    answer = assistant.ask("whats the current status of SYD985?")
    assert "TULIP" in answer.answer and "niraparib" in answer.answer, answer.answer


@pytest.mark.parametrize("question,said", [("what did Metzger find?", "absence of pathological complete response"),
                                           ("what did bose et al show", "L755S")])
def test_what_an_author_found_is_their_study_and_what_goes_on_about_it(assistant, question, said):
    answer = assistant.ask(question)
    assert said in answer.answer and "p95" not in answer.answer, answer.answer


def test_a_setting_asked_after_a_finding_is_where_the_text_goes_on(assistant):
    answer = assistant.ask("what did Metzger find, and what about the metastatic setting?")
    assert "equivocal or low-level HER2 amplification" in answer.answer, answer.answer


def test_a_sections_title_asked_beside_a_name_it_holds_is_the_section(assistant):
    answer = assistant.ask("liquid biopsy and PLASMA-MATCH - what does the review say?")
    assert "non-invasive" in answer.answer and "next-generation sequencing" in answer.answer, answer.answer


def test_a_compared_side_goes_on_in_this_trial(assistant):
    answer = assistant.ask("lapatinib vs tucatinib for brain mets?")
    assert "approximately 45%" in answer.answer, answer.answer


def test_a_trial_set_against_the_drug_it_tests_asks_the_trials_results(assistant):
    answer = assistant.ask("TULIP results - trastuzumab duocarmazine vs physician's choice?")
    assert answer.abstained and "reports no results" in answer.answer, answer.answer


def test_a_name_before_the_purpose_of_a_question_stays(assistant):
    answer = assistant.ask("Please summarise NALA for my journal club: design and main results.")
    assert "NALA" in answer.answer and "2.2-month absolute difference" in answer.answer, answer.answer


def test_im_is_no_term_the_review_lacks(assistant):
    answer = assistant.ask("im on 3rd line therapy now. any standard of care after second line?")
    assert not answer.abstained and "no standard of care" in answer.answer, answer.answer


def test_how_to_answer_after_a_comma_is_no_part_of_the_term(assistant):
    answer = assistant.ask("what's an ADC, in simple terms?")
    assert "three components" in answer.answer, answer.answer


def test_a_reviews_written_out_word_meets_its_abbreviation(assistant):
    answer = assistant.ask("which paper showed FGFR4 and anti-HER2 synergy in PDX models?")
    assert "reference 66" in answer.answer and "does not mention" not in answer.answer, answer.answer


def test_a_trial_glossed_by_its_arms_is_cited_where_the_trial_is_named(assistant):
    answer = assistant.ask("reference for DESTINY-Breast03 (enhertu vs kadcyla)?")
    assert "reference 43" in answer.answer, answer.answer


def test_not_this_but_that_asks_that(assistant):
    answer = assistant.ask("which ADC in table 1 doesn't carry a microtubule inhibitor but a TLR agonist?")
    assert "BDC-1001" in answer.answer and "ARX788" not in answer.answer, answer.answer


def test_a_numbered_successors_row_is_not_the_trial_a_reference_is_asked_for(assistant):
    answer = assistant.ask("give me the primary paper for HER2CLIMB")
    assert "reference 65" in answer.answer and "reference 21" not in answer.answer, answer.answer


def test_as_of_this_review_is_when_not_what_about(assistant):
    answer = assistant.ask("how many antibody-drug conjugates has the FDA approved as of this review?")
    assert "thirteen" in answer.answer and "Abstract" not in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["what are antibody drug conjugates?", "whats an ADC? in plain english please"])
def test_a_long_form_typed_without_its_hyphen_or_a_style_tail_after_the_question_is_defined(assistant, question):
    answer = assistant.ask(question)
    assert "[ADCs] are composed by three components" in answer.answer, answer.answer


def test_it_in_a_later_part_is_the_pathway_named_before(assistant):
    answer = assistant.ask("how does the PI3K/AKT/mTOR pathway drive resistance, and what drugs are tested against it?")
    later = answer.answer.split("tested against it?")[-1]
    assert "ipatasertib" in later and "Alpelisib" in later, answer.answer


def test_inhibitors_asked_against_a_target_are_the_drugs_named_for_it(assistant):
    answer = assistant.ask("which inhibitors are being tested against the PI3K/AKT/mTOR pathway?")
    assert not answer.abstained and "ipatasertib" in answer.answer, answer.answer


def test_after_surgery_is_a_setting_not_a_missing_topic(assistant):
    answer = assistant.ask("tell me about kadcyla given after surgery")
    assert not answer.abstained and "KATHERINE" in answer.answer, answer.answer


def test_who_did_better_asks_which_patients_not_which_paper(assistant):
    answer = assistant.ask("in MonarcHER, who did better?")
    assert "8.3 months" in answer.answer and "It cites reference" not in answer.answer, answer.answer


def test_a_sections_topics_asked_as_a_list_are_its_subsections(assistant):
    answer = assistant.ask("which topics does section 4 go through?")
    assert [p.text for p in answer.points] == ["Biomarker Testing", "Liquid Biopsy", "AXL, Another Resistance Mechanism",
                                               "Diverse Approaches in Anti-HER2 Therapy Exploration"], answer.answer


def test_it_after_a_which_trial_answer_is_the_trial_it_found(assistant):
    conversation = Conversation()
    assistant.ask("which trial tested trastuzumab plus lapatinib vs lapatinib alone?", conversation)
    answer = assistant.ask("os in it?", conversation)
    assert "EGF104900" in answer.resolved_question and "14 months vs. 9.5 months" in answer.answer, answer.answer


def test_drugs_that_hit_a_target_are_the_drugs_the_review_names_for_it(assistant):
    answer = assistant.ask("are there any meds that block Src?")
    assert "dasatinib" in answer.answer and "saracatinib" in answer.answer, answer.answer


def test_a_typo_in_a_rarely_printed_inflection_is_mended_by_its_stem(assistant):
    answer = assistant.ask("what new aproaches are being explored beyond adcs and tkis?")
    assert not answer.abstained and "approaches" in answer.resolved_question and "CAR-T" in answer.answer, answer.answer


def test_what_people_keep_mentioning_is_no_part_of_the_term(assistant):
    answer = assistant.ask("whats the bystander killing everyone keeps mentioning?")
    assert "neighboring cells" in answer.answer, answer.answer


def test_turned_up_is_upregulated(assistant):
    answer = assistant.ask("what checkpoint receptors do the ADCs turn up?")
    assert "CTLA-4" in answer.answer, answer.answer


def test_what_each_trial_showed_is_each_trials_results(assistant):
    answer = assistant.ask("EGF1001515 vs EGF104900, what did each show with lapatinib?")
    assert "no statistically significant differences" in answer.answer and "12 weeks vs. 8.1 weeks" in answer.answer, \
        answer.answer


def test_a_figure_of_one_trial_leaves_out_what_goes_on_about_the_trial_before(assistant):
    answer = assistant.ask("os in EGF104900?")
    assert "14 months vs. 9.5 months" in answer.answer, answer.answer
    assert "EGF1001515" not in answer.answer and "75.0 weeks" not in answer.answer, answer.answer


def test_a_follow_up_naming_a_t_d_code_keeps_its_own_subject(assistant):
    conversation = Conversation()
    assistant.ask("why does enhertu work in her2-low tumors", conversation)
    answer = assistant.ask("why would t-dxd help with patchy her2 expression", conversation)
    assert "enhertu" not in answer.resolved_question.lower(), answer.resolved_question


def test_ph3s_are_phase_iii_trials(assistant):
    answer = assistant.ask("tykerb plus xeloda vs xeloda alone: pfs in the two ph3s?")
    assert "8.4 months" in answer.answer and "6.2 months" in answer.answer, answer.answer


def test_members_named_in_the_review_is_a_list(assistant):
    answer = assistant.ask("src inhibitors named in the paper?")
    assert "dasatinib" in answer.answer and "saracatinib" in answer.answer, answer.answer


def test_name_the_parts_asks_the_parts_not_which_adc(assistant):
    answer = assistant.ask("name the components an ADC has")
    assert not answer.abstained and "linker" in answer.answer and "payload" in answer.answer, answer.answer


def test_that_doing_something_is_the_last_subject(assistant):
    conversation = Conversation()
    assistant.ask("what does the PI3K/AKT/mTOR pathway do?", conversation)
    answer = assistant.ask("and how does that end up making herceptin fail", conversation)
    assert "PI3K" in answer.resolved_question, answer.resolved_question


def test_that_after_a_topic_named_in_the_turn_is_the_topic(assistant):
    conversation = Conversation()
    assistant.ask("my wife just started enhertu, what sort of drug is it", conversation)
    answer = assistant.ask("ok what about the lung problem the doctor warned us about, how often does that happen",
                           conversation)
    assert "enhertu" in answer.resolved_question and "13.6%" in answer.answer, (answer.resolved_question, answer.answer)


def test_a_word_of_what_is_compared_after_the_two_names(assistant):
    answer = assistant.ask("kadcyla vs enhertu makeup - payload and DAR?")
    assert answer.intent == "compare" and "topoisomerase I inhibitor payload" in answer.answer, answer.answer


def test_sum_it_up_asks_an_overview(assistant):
    answer = assistant.ask("my resident asked what destiny-breast03 actually showed, can u sum it up")
    assert answer.intent == "overview" and "84 HER2" in answer.answer and "60.9%" in answer.answer, answer.answer


def test_whats_being_tested_in_a_trial_only_a_table_names_is_its_row(assistant):
    answer = assistant.ask("whats being tested in DESTINY-Breast 07")
    assert answer.table is not None or "Table 2" in answer.answer, answer.answer
    assert "ipatasertib" not in answer.answer, answer.answer


def test_a_drug_brought_up_before_the_question_is_its_it_even_if_unknown(assistant):
    answer = assistant.ask("my aunt's doctor brought up margetuximab - is it better than kadcyla?")
    assert answer.abstained and "margetuximab" in answer.answer, answer.answer


def test_the_difference_between_two_terms_defines_each(assistant):
    answer = assistant.ask("tell me the difference between her2 3+ and her2-low on a biopsy report")
    assert "**her2 3+**" in answer.answer and "**her2-low**" in answer.answer, answer.answer
    assert "1+ or 2+" in answer.answer and "circumferential membrane staining" in answer.answer, answer.answer


def test_an_apology_for_a_basic_question_asks_nothing(assistant):
    answer = assistant.ask("sorry dumb q - whats a TKI exactly")
    assert not answer.abstained and "tyrosine kinase" in answer.answer.lower(), answer.answer


def test_a_trial_name_typed_without_its_digit_is_mended(assistant):
    answer = assistant.ask("herclimb pfs?")
    assert "HER2CLIMB" in answer.resolved_question and "7.8 months" in answer.answer, answer.answer


def test_a_cutoff_is_what_the_state_is_defined_by(assistant):
    answer = assistant.ask("cutoff for HER2 3+ - what share of cells must stain?")
    assert not answer.abstained and "more than 30%" in answer.answer, answer.answer
    assert "[IHC" not in answer.answer, answer.answer  # 'Its expression' is HER2's


def test_a_gloss_after_a_comma_is_no_second_subject(assistant):
    answer = assistant.ask("so what was NALA about, the nerlynx trial")
    assert answer.intent == "overview" and "**Results**" in answer.answer, answer.answer


def test_agents_discussed_is_a_list(assistant):
    answer = assistant.ask("PI3K pathway agents discussed?")
    assert "everolimus" in answer.answer and "ipatasertib" in answer.answer, answer.answer


def test_two_names_then_what_each_gave_is_a_comparison(assistant):
    answer = assistant.ask("EMILIA and TH3RESA what result each")
    assert "**EMILIA**" in answer.answer and "**TH3RESA**" in answer.answer, answer.answer


def test_that_one_is_the_subject_before(assistant):
    conversation = Conversation()
    assistant.ask("what cdk4/6 drug was in PATRICIA", conversation)
    answer = assistant.ask("ok whats the follow-up study to that one", conversation)
    assert "to PATRICIA" in answer.resolved_question and "PATRICIA-II" in answer.answer, (answer.resolved_question,
                                                                                        answer.answer)



def test_that_one_beside_a_name_the_turn_types_is_that_name(assistant):
    conversation = Conversation()
    assistant.ask("what did EMILIA compare?", conversation)
    answer = assistant.ask("ok, and TH3RESA? what did that one show", conversation)
    assert "EMILIA" not in answer.resolved_question and "TH3RESA" in answer.answer, answer.resolved_question


def test_an_everyday_word_is_not_corrected_into_one_of_the_reviews(assistant):
    answer = assistant.ask("why would ibrance help in her2 cancer? i thought it was for a different type")
    assert "i thought" in answer.resolved_question, answer.resolved_question


def test_a_doing_named_before_that_is_what_that_means(assistant):
    conversation = Conversation()
    assistant.ask("what was PLASMA-MATCH about?", conversation=conversation)
    answer = assistant.ask("and detecting CTCs or ctDNA, what does that mean prognostically?", conversation=conversation)
    assert "worse prognosis" in answer.answer, answer.answer[:400]


def test_it_after_a_name_the_turn_gives_is_that_name(assistant):
    conversation = Conversation()
    assistant.ask("my client just started kadcyla after herceptin and perjeta stopped working. what is kadcyla exactly?",
                  conversation=conversation)
    answer = assistant.ask("ok, and if kadcyla stops working too, is there anything after it?", conversation=conversation)
    assert answer.resolved_question.endswith("anything after kadcyla?"), answer.resolved_question


def test_making_that_better_asks_about_what_the_last_answer_said(assistant):
    conversation = Conversation()
    for turn in ("what is nerlynx exactly", "my aunt said the diarrhea on it was awful, is that like normal?"):
        assistant.ask(turn, conversation=conversation)
    answer = assistant.ask("is anyone working on making that better?", conversation=conversation)
    assert "antidiarrheal prophylaxis" in answer.answer, answer.answer[:400]


def test_it_after_the_name_a_turn_is_labelled_with_is_that_name(assistant):
    conversation = Conversation()
    assistant.ask("EMILIA was kadcyla vs lapatinib + cape, right?", conversation=conversation)
    answer = assistant.ask("and the other phase 3 one, TH3RESA - who was in it and what was it compared to?",
                           conversation=conversation)
    assert "who was in TH3RESA" in answer.resolved_question, answer.resolved_question


def test_a_name_only_in_the_condition_a_turn_opens_with_is_not_what_it_points_at_next(assistant):
    conversation = Conversation()
    assistant.ask("if the tukysa stops working, is enhertu something people get after?", conversation=conversation)
    answer = assistant.ask("how well did it do in people who had already been on kadcyla?", conversation=conversation)
    assert "enhertu" in answer.resolved_question.lower(), answer.resolved_question


def test_what_gets_around_a_mutation_is_what_overcomes_it(assistant):
    conversation = Conversation()
    assistant.ask("how does cyclin D1 overexpression cause resistance to her2 drugs?", conversation=conversation)
    answer = assistant.ask("what about that TSC2 mutation thing, what gets around that?", conversation=conversation)
    assert not answer.abstained and "palbociclib and lapatinib" in answer.answer, answer.answer[:400]


def test_a_question_of_its_own_after_a_question_naming_nothing_stands_alone(assistant):
    conversation = Conversation()
    assistant.ask("does the review say anything about pts who've already been through lots of lines?", conversation=conversation)
    answer = assistant.ask("ok so what's the standard of care in 3rd line and beyond then?", conversation=conversation)
    assert "no standard of care" in answer.answer and " in T-DXd" not in answer.resolved_question, answer.resolved_question



def test_that_one_after_is_there_a_drug_of_a_kind_is_the_drug_the_answer_found(assistant):
    conversation = Conversation()
    assistant.ask("in the PI3K part - is there an AKT inhibitor given with pertuzumab and trastuzumab?",
                  conversation=conversation)
    answer = assistant.ask("what is the code name and NCT number of that one?", conversation=conversation)
    assert "ipatasertib" in answer.resolved_question and "NCT04253561" in answer.answer, answer.resolved_question


def test_the_results_after_which_trial_a_drug_was_approved_on_are_that_trials(assistant):
    conversation = Conversation()
    assistant.ask("kadcyla's adjuvant approval - which trial was it based on?", conversation=conversation)
    answer = assistant.ask("ok and what were the results?", conversation=conversation)
    assert "KATHERINE" in answer.resolved_question and "88.3% vs. 77%" in answer.answer, answer.resolved_question


def test_it_after_what_trial_supports_a_drug_is_that_trial(assistant):
    conversation = Conversation()
    assistant.ask("patient had residual tumor after neoadjuvant; we're considering kadcyla after surgery. what trial "
                  "supports that?", conversation=conversation)
    answer = assistant.ask("how many cycles was it?", conversation=conversation)
    assert "KATHERINE" in answer.resolved_question and "14 cycles" in answer.answer, answer.resolved_question
    answer = assistant.ask("and how much did it help vs herceptin?", conversation=conversation)
    assert "KATHERINE" in answer.resolved_question and "88.3% vs. 77%" in answer.answer, answer.resolved_question


def test_which_one_answered_by_a_later_point_is_the_next_it(assistant):
    conversation = Conversation()
    assistant.ask("which HER2 bispecific does the review talk up?", conversation=conversation)
    answer = assistant.ask("what response rate in its phase 1?", conversation=conversation)
    assert "ZW25" in answer.resolved_question and "33%" in answer.answer, answer.resolved_question


def test_a_marker_named_after_a_turn_about_another_marker_is_the_new_topic(converse):
    answer = converse("what does the review say about IGF-IR?",
                      "what about MET - what is the clinical impact of MET aberrations?")
    assert "IGF-IR" not in answer.resolved_question and "poorer responses" in answer.answer, answer.resolved_question


def test_a_drug_of_the_treatment_history_is_not_the_next_turns_subject(converse):
    answer = converse("my doc wants enhertu after kadcyla - what is it?",
                      "did it work for people who already had kadcyla before?", "how many were still alive at a year?")
    assert "enhertu" in answer.resolved_question and "kadcyla" not in answer.resolved_question, answer.resolved_question


def test_which_trial_after_an_answer_naming_one_is_that_trial(converse):
    answer = converse("what is the standard first-line regimen for HER2+ metastatic disease?", "which trial established that?")
    assert not answer.abstained and "CLEOPATRA" in answer.answer, answer.answer


def test_which_trial_after_a_statement_names_the_trial_and_that_one_is_it(converse):
    answer = converse("my sister's oncologist wants enhertu now that kadcyla stopped working. which trial showed it works "
                      "for people like her?", "ok and how many people responded in that one?")
    assert "DESTINY-Breast01" in answer.resolved_question and "60.9%" in answer.answer, answer.resolved_question


def test_blocking_a_marker_named_by_it_is_its_inhibition(converse):
    answer = converse("what role does AXL play in resistance?", "and does blocking it actually work?")
    assert "AXL inhibition can overcome resistance" in answer.answer, answer.answer[:300]


def test_what_they_found_brings_the_sentence_summing_up_the_findings(converse):
    answer = converse("theres a paragraph on FGFR4 at the end of the tki section", "what models did they use and what did they find?")
    assert "patient-derived xenografts and organoids" in answer.answer and "inhibiting FGFR4" in answer.answer, answer.answer[:500]


def test_it_after_a_thing_a_drug_was_said_to_have_is_that_thing(converse):
    answer = converse("nerlynx - is that approved for metastatic or just early stage?",
                      "my wifes oncologist said it has one nasty side effect, what is it and can they do anything about it")
    assert "diarrhea" in answer.answer and "antidiarrheal prophylaxis" in answer.answer, answer.answer[:500]


def test_that_after_a_thing_one_cannot_bear_is_that_thing_not_the_last_answers_topic(converse):
    answer = converse("nerlynx - which trial got it approved for metastatic disease?",
                      "my dad cant handle the diarrhea on it. does the review say anything about managing that?")
    assert "(" not in answer.resolved_question and "nerlynx" in answer.resolved_question, answer.resolved_question


def test_there_closing_a_question_with_its_own_drugs_is_the_trial_before(converse):
    answer = converse("what was the KATHERINE trial", "how did kadcyla do compared to herceptin there?")
    assert "KATHERINE" in answer.resolved_question and "88.3%" in answer.answer, answer.resolved_question


def test_that_info_is_all_the_last_answer_told_about_its_subject(converse):
    answer = converse("what does the review say about MET", "so what do they propose doing with that info")
    assert "MET" in answer.resolved_question and "MET inhibitors" in answer.answer, answer.resolved_question


def test_an_endpoint_stated_without_a_figure_answers_the_endpoint_but_not_its_numbers(assistant):
    answer = assistant.ask("what was the OS in NALA?")
    assert not answer.abstained and "no differences in OS" in answer.answer, answer.answer
    answer = assistant.ask("what were the actual pfs and os numbers in destiny-breast04?")
    assert answer.abstained and "overall survival" in answer.answer, answer.answer


def test_fixing_it_after_a_drugs_trouble_is_fixing_the_trouble(converse):
    answer = converse("pt on nerlynx is miserable with GI stuff. does the review mention that as a problem?",
                      "is anyone working on fixing it?")
    assert "diarrhea" in answer.resolved_question and "CONTROL trial" in answer.answer, answer.resolved_question


def test_a_rate_asked_in_everyday_words_is_found_in_the_reviews_words(converse):
    answer = converse("what was the KATHERINE trial? i got kadcyla after surgery back when i was first diagnosed",
                      "how much did it cut the risk of the cancer coming back somewhere else in the body?")
    assert not answer.abstained and "40% reduction in the risk of distant recurrence" in answer.answer, answer.answer


def test_that_trial_after_an_answer_quoting_a_trials_results_is_that_trial(converse):
    answer = converse("mom finished neoadjuvant chemo + herceptin but still had residual disease. is kadcyla used after "
                      "surgery?", "what was the benefit in that trial?")
    assert "KATHERINE" in answer.resolved_question and "0.50" in answer.answer, answer.resolved_question


def test_an_outcome_asked_of_the_drug_a_trial_just_gave_is_asked_in_that_trial(converse):
    answer = converse("whats destiny-breast04 about?", "so did enhertu actually help people live longer or just slow things down?")
    assert "DESTINY-Breast04" in answer.resolved_question and "improved PFS and OS" in answer.answer, answer.resolved_question


def test_they_after_a_class_named_with_examples_is_the_class(converse):
    answer = converse("how do cdk4/6 inhibitors like verzenio or ibrance fit into her2+ disease?",
                      "whats the biology reason theyd help?")
    assert "cdk4/6 inhibitors would help" in answer.resolved_question and "verzenio" not in answer.resolved_question, \
        answer.resolved_question


def test_that_after_a_trouble_the_turn_told_first_is_that_trouble_not_the_last_answer(converse):
    answer = converse("nerlynx - which trial got it approved for metastatic disease?",
                      "my dad cant handle the diarrhea on it. does the review say anything about managing that?")
    assert "CONTROL trial" in answer.answer, answer.answer



class Case(NamedTuple):
    """One conversation (or one question), what its answer must and must not say, and what its reading says."""
    turns: tuple[str, ...]
    said: tuple[str, ...] = ()
    unsaid: tuple[str, ...] = ()
    read: tuple[str, ...] = ()
    unread: tuple[str, ...] = ()
    abstained: bool | None = None
    intent: str = ""


# Round 33: readings and answers of questions written blind, each case named by the behaviour it checks
ROUND_33_CASES = {
    "the numbers of the trial a follow-up points at are its results": Case(
        ("is kadcyla ever given after surgery?", "what were the numbers in that trial"), said=("88.3% vs. 77%",),
        read=("KATHERINE",)),
    "who asks, told in a sentence of its own, asks for nothing": Case(
        ("gyn onc fellow here, rotating on breast. destiny-breast04: what dose of enhertu did they give?",),
        said=("5.4 mg/kg",), abstained=False),
    "an arm without a drug is not that drug's arm": Case(
        ("monarcHER: verzenio + herceptin + fulvestrant vs chemo pfs, and did the no-fulvestrant arm do anything",),
        said=("no differences were observed",), abstained=False),
    "the bottom line of the review is what it concludes": Case(
        ("whats the bottom line of this paper",), said=("Conclusions",), unsaid=("Abstract",)),
    "a name typed as the review spells it out is a name": Case(
        ("what does cyclin d1 do", "how does it cause resistance?"), said=("activate CDK4 and CDK6",), read=("Cyclin D1",)),
    "the role a topic is asked in names no section": Case(
        ("tell me about HER2 heterogeneity as a resistance mechanism",), said=("From “2.4 Tumor Heterogeneity”", "16–36%")),
    "that pathway is the pathway named earlier": Case(
        ("does the review talk about the PI3K pathway in resistance?", "whats everolimus role there",
         "ok and what other drugs hitting that pathway are mentioned?"), said=("ipatasertib", "apitolisib", "lpelisib")),
    "drugs combined with a rare drug are those told beside it": Case(
        ("which drugs is ZW25 being combined with?",), said=("palbociclib", "fulvestrant"), unsaid=("atezolizumab",)),
    "there after a population is that population": Case(
        ("whats the story with her2-low?", "which trial tested enhertu there and at what dose?"), said=("5.4 mg/kg",),
        read=("enhertu in HER2-low",)),
    "they who mention something are not the last turn's subject": Case(
        ("how is cyclin d1 involved in resistance?", "and that tsc2 thing they mention - what got around it?"),
        said=("palbociclib and lapatinib",), unread=("Cyclin D1",)),
    "a marker of its own is the turn's topic, not the marker before": Case(
        ("what does cyclin d1 do?", "so does blocking cdk4/6 help"), said=("increased tumor growth inhibition",),
        unread=("Cyclin D1",)),
    "what the review says, told before a question, is its premise": Case(
        ("the igf-ir section says trials are ongoing - which igf-ir inhibitor are they combining with herceptin? "
         "need the drug name",), said=("does not report the name",), abstained=True),
    "a term asked in the sense the review uses it is defined": Case(
        ("what is targeted protein degradation, in the sense used here",), said=("PROTACs and molecular glues",),
        intent="definition"),
    "two combinations compared are each given where their trial is": Case(
        ("lapatinib plus trastuzumab vs lapatinib plus capecitabine results?",),
        said=("12 weeks vs. 8.1 weeks", "8.4 months vs. 4.4 months"),
        unsaid=("In the EMILIA phase III trial",)),  # (there it was T-DM1's comparator)
    "two combinations that were one trial's arms are that trial": Case(
        ("nerlynx+xeloda vs tykerb+xeloda how did they compare",), said=("32.8% vs. 26.7%",),
        unsaid=("8.4 months vs. 4.4 months",)),
    "that after a trouble told in the same sentence is that trouble": Case(
        ("what is nerlynx approved for?", "ppl complain a lot about the side effects tho, is anything being done about that?"),
        said=("CONTROL trial",), read=("the side effects",)),
    "which of the pills asks about drugs, not an unknown topic": Case(
        ("which of the pills can actually get into the brain?",), said=("lapatinib",), abstained=False),
    "that trial after a drug named in the same turn is the drug's trial": Case(
        ("mom's doctor brought up tukysa. were people with brain mets actually allowed in that trial?",),
        said=("approximately 45% in both arms",)),
    "a property asked with a possessive is checked for that drug": Case(
        ("whats kadcyla's DAR? want to compare with enhertu's",), said=("approximately eight",), abstained=True),
    "a brand glossed by its generic is one drug": Case(
        ("which ongoing T-DXd trials have an imfinzi (durvalumab) arm? phase?",),
        said=("DESTINY-Breast 07", "DESTINY-Breast 08")),
    "a term set equal to a question mark is defined": Case(
        ("targeted protein degradation = ?",), said=("natural cellular mechanisms",), intent="definition"),
    # step D: from the unseen misses of jw–jz
    "drugs aimed at a pathway are the drugs of its section": Case(
        ("how is the PI3K/AKT/mTOR pathway involved in anti-HER2 resistance?", "are there any drugs aimed at it mentioned?"),
        said=("everolimus", "ipatasertib", "apitolisib", "lpelisib"), abstained=False),
}


# Round 34: from the unseen misses of ka–kd (and of jo–jz left over), each a behaviour of its own
ROUND_34_CASES = {
    "a treatment told as the one that failed is not what 'it' stands for": Case(
        ("just progressed on kadcyla and my onc wants to switch me to enhertu. does the review back that up?",
         "ok whats the main side effect i need to watch for with it"), said=("interstitial lung disease",), read=("enhertu",)),
    "that, after a worry told before a dash, is that worry": Case(
        ("my mom has liver mets and just started enhertu, what kind of drug is it exactly?",
         "ok. the nurse keeps warning us about lung problems - how common is that?"), said=("13.6%",)),
    "a name only measured against is not the turn's subject": Case(
        ("kadcyla is also given after surgery now right? which trial was that", "how big was the benefit over plain herceptin?"),
        said=("88.3% vs. 77%",), read=("KATHERINE",)),
    "that pathway is the one titling the section the last answer came from": Case(
        ("why is everolimus in a her2 review?", "any other drugs in that pathway being tested?"),
        said=("ipatasertib", "apitolisib"), read=("PI3K/AKT/mTOR pathway",), unread=("in everolimus",)),
    "any other drugs of a pathway asks for every one": Case(
        ("any other drugs in the PI3K/AKT/mTOR pathway being tested?",), said=("ipatasertib", "apitolisib"), intent="list"),
    "a date asked of two drugs is each one's date": Case(
        ("when were kadcyla and enhertu each approved by the fda?",), said=("In 2013", "In 2019"), abstained=False,
        intent="compare"),
    "a difference printed as '2.2-month' is a figure in months": Case(
        ("NALA trial - by how many months did nerlynx beat tykerb on pfs?",), said=("2.2-month",), abstained=False),
    "a word glossing the term in brackets is no part of it": Case(
        ("what does HER2 3+ (intense) mean by ihc?",), said=("more than 30%",)),
    "a term glossed by its short form is one term to define": Case(
        ("what is targeted protein degradation (TPD)",), said=("natural cellular mechanisms",), intent="definition"),
    "harder on her is how well it is tolerated": Case(
        ("is kadcyla harder on her than tykerb + xeloda?",), said=("lower toxicity profile",)),
    "having one is having one of the kind asked before": Case(
        ("whats a MET aberration?", "does having one change how well the her2 drugs work?"), said=("poorer responses",),
        read=("a MET aberration",)),
    "they who progress are the trial's patients, not the trial": Case(
        ("her2climb - were pts with active brain mets allowed in?",
         "and if they progressed in the brain did they have to come off tucatinib?"),
        said=("treatment could be continued after local therapy",), read=("patients progressed", "HER2CLIMB")),
    "how something stops a drug working is a mechanism": Case(
        ("how would AXL stop herceptin working?",), said=("bypass the HER2 signaling pathway",), intent="why"),
    # step B: from the unseen misses of ka–kd and ke–kh
    "a drug's run starts where the sentence it leans on starts and ends where another study begins": Case(
        ("verzenio vs ibrance trials in her2+ - side by side?",), said=("237 HER2-positive",),
        unsaid=("**ibrance**\n- These patients",)),
    "trials asked for a rare topic are those told where it is named": Case(
        ("any trials for her2+ leptomeningeal disease?",), said=("NCT03696030",), unsaid=("HER2CLIMB-04",)),
    "a partner printed with 'plus' is what a drug is combined with": Case(
        ("what is enhertu being combined with in DESTINY-Breast 08?",), said=("capivasertib",), abstained=False),
    "tbl is a table": Case(
        ("tbl 2 - which of the ongoing T-DXd trials are phase III?",),
        said=("DESTINY-Breast 06", "DESTINY-Breast 09", "DESTINY-Breast 12")),
    "two lines typed as 2nd/3rd are both lines": Case(
        ("what year did kadcyla get fda approval for 2nd/3rd line",), said=("In 2013",), abstained=False),
    "how far a drug has come is its row of the table": Case(
        ("how far along is ZW49 clinically?",), said=("NCT03821233", "phase I clinical trial")),
    "an ADC version of a drug is the agent built on it": Case(
        ("what is zw25?", "is there an ADC version of it?"), said=("ZW49",)),
    "a remedy asked of a mechanism is what its section says of countering it": Case(
        ("whats the link between cyclin D1 and her2 resistance", "so could something like ibrance or verzenio help with that?"),
        said=("increased tumor growth inhibition",)),
    "that, in a question put one way then asked the other, is what it put first": Case(
        ("when did T-DM1 get approved for 2nd/3rd line mbc", "is it still the standard 2nd line or has something challenged that"),
        said=("DESTINYBreast03",), unread=("(",)),
    # step D: from the unseen misses of ki–kl
    "ongoing trials where a measure is the primary endpoint are the table's rows": Case(
        ("ongoing enhertu trials where pfs is the primary endpoint?",), said=("DESTINY-Breast 06", "DESTINY-Breast 09")),
    "phases told one after another, one combined, are each of them": Case(
        ("which ADCs in table 1 are still only phase I or I/II",), said=("A166", "BDC-1001", "ZW49", "Zanidatamab zovodotin")),
    "a treatment switched from is not what 'it' stands for": Case(
        ("my mom just switched from kadcyla to enhertu", "what lung problems showed up in the trials?"),
        said=("interstitial lung disease",), read=("enhertu",)),
    "a drug a purpose names is what 'it' stands for after it": Case(
        ("journal club on nerlynx: what holds it back in practice?",), said=("high incidence of diarrhea",)),
    "what the trials showed of a kind asked is not a list of trials": Case(
        ("what lung problems showed up in the trials in enhertu?",), said=("13.6%",), unsaid=("trials are named",)),
}


# Round 35: the same, for the mechanisms this round added (each case worded apart from the blind items that drove it)
ROUND_35_CASES = {
    "a drug set aside is not what the answer is made of": Case(
        ("apart from enhertu, what else is being studied in her2-low tumors?",), said=("SYD985", "NCT04602117"),
        unsaid=("5.4 mg/kg",)),
    "anything else, after a drug, is anything besides it": Case(
        ("did enhertu do anything for her2-low disease?", "is anything else being studied in her2-low?"), said=("SYD985",),
        read=("besides enhertu",)),
    "what is targeted is the marker told before, not the words of the answer": Case(
        ("what role does cyclin d1 play in resistance to her2 drugs?", "can we target that?"), said=("CDK4/6 inhibition",),
        unread=("target that",)),
    "a later line asked after the first is the same question in that line": Case(
        ("what's the standard of care in first line for her2+ metastatic disease?", "and for 3rd line and beyond?"),
        said=("no standard of care",), unread=("CLEOPATRA",)),
    "a section's lead-in comes with the opening of each paragraph it announces": Case(
        ("what else is being explored after ADCs - bispecifics, CAR-T and so on?",),
        said=("PRS-343", "ZW49", "Targeted protein degradation")),
    "a pathway's inhibitors are listed when the class noun follows the pathway": Case(
        ("which PI3K/AKT/mTOR pathway inhibitors appear in the review?",), said=("everolimus", "apitolisib", "Alpelisib"),
        intent="list"),
    "drugs that get a mention are listed": Case(
        ("which HER2 TKIs get a mention?",), said=("lapatinib", "neratinib", "tucatinib"), intent="list"),
    "how a drug lowers harm is asked as a mechanism": Case(
        ("how do ADCs lower toxicity?",), said=("improves drug delivery",), intent="why"),
    "them, after two drugs compared, are both": Case(
        ("is enhertu better than kadcyla?", "which trial compared them head to head?"), said=("DESTINY-Breast03",),
        read=("enhertu and kadcyla",)),
    "the trial found is the one of the point that answered": Case(
        ("is enhertu better than kadcyla?", "which trial compared them head to head?", "what were its results"),
        said=("86.2%",), read=("DESTINY-Breast03",)),
    "the trials of two drugs are each drug's trials": Case(
        ("what did the trials of palbociclib and abemaciclib show?",), said=("PATRICIA", "MonarcHER"), intent="compare"),
    "a rate compared brings the sentences that compare it": Case(
        ("how frequent is HR+/HER2- versus HER2+ disease per 100k women?",), said=("12.6 cases", "5.1 cases"),
        abstained=False),
    "each member typed as an example is listed": Case(
        ("list the newer resistance mechanisms told in the treatment sections, e.g. tsc2 and fgfr4",),
        said=("TSC2 mutation", "FGFR4")),
    "what a drug is all about asks for its overview": Case(
        ("what is trastuzumab duocarmazine (SYD985) all about?",), said=("TULIP",), intent="overview"),
    "the trial an approval was based on is the trial of the answer before": Case(
        ("is kadcyla approved after surgery when cancer is left after chemo?", "what trial was that based on?"),
        said=("1486 patients",), read=("KATHERINE",)),
    "trials combining a drug with a class are asked of the drug, not of the example given": Case(
        ("are there trials combining tukysa with ADCs such as kadcyla?",), said=("NCT05673928",), abstained=False),
    "it, after a name told before a comma, is that name": Case(
        ("tell me about the KATHERINE trial", "and neratinib, where does it sit in the adjuvant setting?"), said=("EXTENET",),
        read=("where does neratinib",)),
    "that, as the subject after a marker was asked about, is the marker": Case(
        ("my report says MET something. what is MET?", "does that affect how the her2 drugs work?"),
        said=("poorer responses",), read=("does MET affect",)),
    "not taken much is why a drug is not used more": Case(
        ("why do people end up not taking nerlynx much?",), said=("high incidence of diarrhea",)),
    "results asked of a section's lead-in bring each paragraph's figures": Case(
        ("what else is being explored after ADCs - bispecifics, CAR-T and so on? what results?",),
        said=("33% response rate", "58%")),
    "a drug that failed, told before a why, is what the drug asked works after": Case(
        ("my dad failed kadcyla, why could enhertu still work?",), said=("increased DAR",)),
    "its, after one table row was found, is that row's trial (by its number when its name is the drug's)": Case(
        ("is there an enhertu trial just for brain metastases?", "what phase is it and whats the primary endpoint"),
        said=("ORR brain met",), read=("NCT04752059",)),
    "which other, after a drug, is besides it": Case(
        ("tell me about everolimus in her2+ disease", "which other PI3K/AKT/mTOR pathway drugs does the review name?"),
        said=("ipatasertib", "apitolisib"), read=("besides everolimus",)),
    "inhibitors of a pathway are those its section calls inhibitors": Case(
        ("which inhibitors of the PI3K/AKT/mTOR pathway are named?",), said=("everolimus", "apitolisib", "Alpelisib"),
        unsaid=("paclitaxel,",)),
    "the next study of a trial is its numbered successor": Case(
        ("what was PATRICIA about?", "ok so whats the next study testing?"), said=("PATRICIA-II",), unsaid=("71 patients",)),
    "a trial told in an opening clause is meant when that clause answered": Case(
        ("which trial showed enhertu works after kadcyla?", "how many responded in that one?"), said=("60.9%",),
        read=("DESTINY-Breast01",)),
}


# Round 36: behaviours found by blind rounds lg–lj (each written here in other words than the round's own)
ROUND_36_CASES = {
    "the arms asked of one trial, with the column's own qualifier, are its row's cell": Case(
        ("what are all the experimental arms in destiny-breast 07?",), said=("T-DXd plus pertuzumab", "T-DXd plus Tucatinib"),
        unsaid=("DESTINY-Breast 06",)),
    "drugs of a kind asked with where they stand are listed": Case(
        ("src inhibitors being developed?",), said=("dasatinib", "saracatinib"), intent="list"),
    "the kind of data asked before a name is part of what is asked": Case(
        ("any clinical data on mtor inhibition in her2+ pts or only preclinical?",), said=("Clinical trials have shown",)),
    "a term defined with a second ask after a comma is still defined": Case(
        ("define intratumoral heterogeneity of her2, how frequent is it",), said=("16–36%", "varying degrees")),
    "how a drug did in a trial is that trial's results": Case(
        ("how did T-DM1 do in EMILIA?",), said=("9.6 vs. 6.4 months",), intent="overview"),
    "a section's parts are listed with the short names their text gives them": Case(
        ("which resistance mechanisms does the review cover?",), said=("Insulin-Like Growth Factor I Receptor (IGF-IR)",)),
    "a comparison, then a why after a dash, are two questions": Case(
        ("tucatinib vs lapatinib targets - why does tucatinib have fewer side effects?",),
        said=("minimal inhibition of EGFR", "toxicity profile of this drug"), intent="multi"),
    "an unmarked sentence is cited by the marker closing its run, not an earlier one": Case(
        ("which paper reports the trial giving tucatinib plus trastuzumab and capecitabine?",), said=("reference 65",),
        unsaid=("reference 64",)),
    "the registry numbers of 'those' are the identifiers the answer gave": Case(
        ("tucatinib with ADCs, any trials?", "what are the NCT numbers of those?"), said=("NCT05673928",),
        read=("NCT04539938 and NCT05673928",)),
    "a figure asked only for a subgroup's patients is not the whole trial's": Case(
        ("what was the os in her2climb only for the brain mets patients?",), said=("does not report the OS of the brain",),
        abstained=True),
    "what held in these cases comes with the patients it is about": Case(
        ("tukysa - how selective is it?", "what pfs did it get in the pivotal study", "were pts with brain mets allowed?"),
        said=("after local therapy",)),
    "which trial and which line are asked in one breath": Case(
        ("where was neratinib first approved?", "and for metastatic disease, which trial and which line?"),
        said=("NALA", "third-line"), intent="fact"),
    "the share of breast cancers that are of a subtype is what it accounts for": Case(
        ("what proportion of breast cancers are her2+?",), said=("15–20%",)),
    "a marker on a sentence about another trial does not cite the unmarked run before it": Case(
        ("which paper backs the EGF1001515 result?",), said=("reference 59",), unsaid=("reference 60",)),
    "what about another trial keeps the drug asked of the first": Case(
        ("in EMILIA what was kadcyla compared against", "what about in TH3RESA?"),
        read=("in TH3RESA what was kadcyla compared against",)),
    "one member of a kind, asked by what is said of it": Case(
        ("which tki is irreversible?",), said=("Neratinib is an irreversible",), abstained=False),
    "it, after asking which one of a kind, is the drug the answer named": Case(
        ("which her2 tki is irreversible?", "what does it inhibit?"), read=("Neratinib",)),
    "an approval based on a trial comes with the results it rested on": Case(
        ("has kadcyla been approved as adjuvant therapy?",), said=("88.3% vs. 77%",)),
    "harsher asks how toxic a drug is": Case(
        ("my dad is on kadcyla, what is it?", "is it harsher than the combo it was tested against?"),
        said=("lower toxicity profile",)),
    "what a trial's drug is combined with is its row's arms": Case(
        ("what are they combining enhertu with in DESTINY-Breast 08?",), said=("T-DXd plus capivasertib",),
        unsaid=("does not report",), abstained=False),
    "an example the review names once points at its passage": Case(
        ("src inhibitors like dasatinib - any solid evidence they reverse her2 resistance?",),
        said=("demonstrate their efficacy",)),
}


ROUND_37_CASES = {
    "what a trial's drug was compared against is said 'in comparison with' too": Case(
        ("in TH3RESA what was T-DM1 compared against",), said=("physician treatment choice",), unsaid=("CLEOPATRA",)),
    "an adverb before the copula still asks for a definition": Case(
        ("what precisely is an adc?",), said=("three components",), intent="definition"),
    "the definition of a score, in the terms of a test, defines the score": Case(
        ("what's the IHC definition of HER2 3+?",), said=("complete circumferential membrane staining",), abstained=False),
    "a term defined with a second ask after a dash is still defined": Case(
        ("define her2 heterogeneity - how often is it seen",), said=("16–36%", "varying degrees")),
    "what a figure is based on is the work its caption cites": Case(
        ("what's the approval timeline figure based on?",), said=("reference 4", "Based on Swain et al.”"),
        unsaid=("al..",)),
    "a medicine taken alongside that the review never names is declined": Case(
        ("can she take a ppi while on tukysa?",), said=("does not mention",), abstained=True),
    "what 'it' was set against is no new subject for the next 'it'": Case(
        ("is kadcyla an adc?", "was it compared with tykerb plus xeloda?",
         "and in people who already had two lines incl. lapatinib, did it still help?"),
        read=("did kadcyla still help",), said=("TH3RESA",)),
    "'they' after asking which AEs are those AEs": Case(
        ("common AEs with nerlynx?", "were they severe?"), read=("the AEs of nerlynx",)),
    "which trial set 'it' asks the trial of the thing asked before, not of the trial the answer named": Case(
        ("what is the standard first-line therapy for her2+ mbc?", "which trial established it?"),
        said=("CLEOPATRA",), abstained=False),
    "a payload named by its abbreviation is of the kind its name says": Case(
        ("which table 1 adcs have an auristatin payload?",), said=("Disitamab-vedotin",)),
    "all the things of a qualified kind are listed": Case(
        ("all the resistance mechanisms covered?",), said=("AXL, Another Resistance Mechanism",), intent="list"),
    "a cause asked of two examples of a class is each one's": Case(
        ("why do tkis like lapatinib and tucatinib work in brain mets?",),
        said=("lapatinib characteristics", "small molecular size")),
    "combinations asked after a drug are that drug's": Case(
        ("what is SYD985?", "what about combinations with niraparib?"), read=("SYD985 combinations",),
        said=("NCT04235101",)),
    "trials given by their identifiers come with the rows that say what they are": Case(
        ("are there trials combining tukysa with ADCs?",), said=("NCT05673928", "HER2CLIMB-04")),
    "an endpoint asked in months is a figure in months": Case(
        ("destiny-breast04 os in months?",), said=("does not report a figure in months",), abstained=True),
    "a short version asked of a trial is its overview": Case(
        ("nala trial short version?",), said=("2.2-month", "no differences in OS"), intent="overview"),
    "a drug and its trial typed with a slash between are two names": Case(
        ("which paper reports the tucatinib/her2climb results?",), said=("reference 65",), unsaid=("reference 64",)),
    "what a term means for a class of drugs is its definition": Case(
        ("what does bystander killing mean for ADCs?",), said=("neighboring cells",), unsaid=("three components",),
        intent="definition"),
    "a member of a list told by 'its' comes with the sentence that names it": Case(
        ("which tkis can get past the blood brain barrier?",), said=("Tucatinib is a new TKI", "its small molecular size")),
    "a cause asked of a class is told of each member its passages give it for": Case(
        ("why can tki tablets reach brain metastases when antibodies can't?",),
        said=("lapatinib characteristics", "small molecular size")),
    "examples of a class joined by a slash are each an example": Case(
        ("why are tkis like tykerb/tukysa good for brain mets?",), said=("lapatinib characteristics", "small molecular size")),
    "whether a drug should be held, with an adverb, asks how to manage": Case(
        ("should enhertu be temporarily held for ILD?",), said=("does not say how to manage",), abstained=True),
    "a trial's paper, then who and when, asks for the reference": Case(
        ("the patricia paper - who and when?",), said=("reference 54",)),
    "a plus sign between two plain words joins two things asked, not two drugs": Case(
        ("enhertu vs kadcyla payload + linker?",), read=("payload and linker",),
        said=("non-cleavable linker", "tetrapeptide-based cleavable linker")),
    "'they' after 'those trials' in the same turn are those trials": Case(
        ("is anyone pairing tukysa with adcs?", "what phase are those trials and what are they named?"),
        unread=("are tukysa named", "are tucatinib named"), said=("HER2CLIMB-04",)),
}

ROUND_38_CASES = {
    "a code typed with two digits swapped is the code the review prints": Case(
        ("syd958 orr in her2 low?",), read=("SYD985",), said=("28% to 40%",)),
    "a figure's source asked as a reference is what its caption cites": Case(
        ("the approval timeline figure - what source is it based on?",), said=("reference 4",), unsaid=("neratinib",)),
    "'it' after 'what about the X one -' is that one, not the subject carried on": Case(
        ("which pi3k pathway drugs are being combined with anti-her2", "what about the akt one - what's it paired with?"),
        read=("the akt one",), said=("ipatasertib",)),
    "a named property typed right after a brand is asked of it, and declined when the review gives it for another": Case(
        ("kadcyla drug-to-antibody ratio?",), said=("does not report the drug-to-antibody ratio",), abstained=True),
    "a possessive typed without its apostrophe is the drug's": Case(("whats t-dm1s payload?",), read=("T-DM1's",)),
    "a telling asked with the endpoints listed is an overview of the trial": Case(
        ("give me the NALA trial in a nutshell - who, arms, pfs, orr, os",), intent="overview",
        said=("at least two prior lines", "32.8% vs. 26.7%")),
    "a recap opening the question asks for an overview": Case(
        ("recap destiny-breast04 in her2 low",), intent="overview", said=("5.4 mg/kg",)),
    "'all the numbers' are a trial's figures, not members of a list": Case(
        ("quick rundown of NALA - design and all the numbers",), intent="overview"),
    "what a drug is paired with is no definition": Case(("what is the akt inhibitor paired with?",), intent="fact"),
    "the NCT asked of a trial told by its drugs is a column of its rows": Case(
        ("whats the nct for the tucatinib + enhertu trial",), said=("NCT04539938",)),
    "two terms set side by side with 'how common is each' are each answered": Case(
        ("her2 heterogeneity inside one tumor vs change from primary to mets - how common is each",),
        said=("16–36%", "9–60%")),
    "an overview of two trials named tells each": Case(
        ("overview of the cdk4/6 inhibitor + her2 trials pls (monarcher, patricia)",),
        said=("8.3 months vs. 5.7 months", "10.6 months vs. 4.2 months")),
    "a class's abbreviation made plural with an apostrophe is still a list": Case(
        ("which tki's are fda approved for her2+ mbc?",), intent="list", said=("neratinib", "tucatinib")),
    "a word joined by 'or' to a payload named adds its rows to the name's": Case(
        ("which adcs in table 1 carry an auristatin or mmae type payload",), said=("ZW49", "Zanidatamab zovodotin")),
    "the review's take on a topic is an overview, no missing property": Case(
        ("whats the overall take on checkpoint inhibitors + anti-her2 in this review",), intent="overview",
        abstained=False),
    "an abbreviation the review never spells out is declined as such": Case(
        ("what does MMAE stand for",), said=("does not spell out MMAE", "Disitamab-vedotin"), abstained=True),
    "an abbreviation spelled out before its short form is answered": Case(
        ("what does HER2 stand for",), said=("human epidermal receptor type 2",), abstained=False),
    "'it' after a term was explained is that term, asked of the names the turn gives": Case(
        ("what does ORR mean", "whats it for enhertu in destiny-breast01"), read=("ORR for enhertu",), said=("60.9%",)),
    "'the trial' of a drug the turn names is the drug's trial": Case(
        ("which her2 tkis get into the brain", "what about tukysa, were brain met pts even allowed in the trial?"),
        read=("the tukysa trial",), said=("active and treated brain metastasis",)),
    "an abbreviation in a yes/no is read in the review's words, said only of other drugs": Case(
        ("does kadcyla cross the bbb?",), said=("does not say this of kadcyla",), abstained=True),
    "either of two asks joined by a slash, said only of other drugs, is declined": Case(
        ("does nerlynx have cns activity / cross the bbb?",), said=("does not say this of nerlynx",), abstained=True),
    "a head-to-head trial told by its arms is one trial asked why of": Case(
        ("why was a head to head enhertu vs kadcyla trial needed?",), intent="why", said=("DESTINY-Breast01",)),
    "cell therapy is the review's CAR-T": Case(("is there any cell therapy for her2 mbc in this review",), said=("CAR-T",),
                                               unsaid=("liquid biopsy",)),
    "a class tested with other drugs, asked without a wh-word, is a list of its members": Case(
        ("cdk4/6 inhibitors tested with anti-her2 drugs in this review?",), intent="list",
        said=("abemaciclib", "palbociclib")),
    "a comma ends the setting two arms were compared in": Case(
        ("t-dm1 vs herceptin after neoadjuvant residual disease, idfs?",), said=("88.3% vs. 77%",)),
    "'which one' after two drugs were set side by side is which of them": Case(
        ("what is kadcyla", "is it the same as enhertu?", "which one works better"), read=("kadcyla or enhertu",),
        said=("DESTINY-Breast03",)),
    "a phase a drug may have reached brings its table row": Case(("is zw49 already in phase 3?",), said=("ZWI-ZW49-101",)),
    "'that' asked how bad after a side effect was asked is the side effect": Case(
        ("whats the main side effect worry with enhertu", "is that bad? how often is it deadly"),
        read=("the side effect of enhertu",), said=("2.2%",)),
    "what comes next after a line of treatment asked before is the line after it": Case(
        ("whats usually first line for her2+ mbc", "and when that stops working what's next?"),
        read=("second-line",), said=("DESTINYBreast03",)),
}

ROUND_39_CASES = {
    "a column listed of one trial, with no wh-word, is that trial's row": Case(
        ("all the arms in destiny-breast 07?",), said=("T-DXd plus pertuzumab",), unsaid=("DESTINY-Breast 08",)),
    "a drug qualifying the column listed of one trial named keeps to that trial's row": Case(
        ("list all the enhertu arms in destiny-breast 07",), said=("T-DXd plus Tucatinib",),
        unsaid=("DESTINY-Breast 08",)),
    "an outline of approaches brings the sentence naming a kind's examples": Case(
        ("what other new approaches (bispecifics, car-t etc) does the review list in future directions",),
        said=("PROTACs and molecular glues",)),
    "a figure asked of a regimen set against one of its own drugs is that trial's": Case(
        ("herceptin + tykerb vs tykerb alone os numbers?",), said=("14 months vs. 9.5 months",),
        unsaid=("EGF1001515",)),
    "a figure asked of two arms in a trial named is told where its arms meet": Case(
        ("3-yr invasive dfs in KATHERINE, kadcyla vs herceptin?",), said=("88.3% vs. 77%",), unsaid=("EMILIA",)),
    "a hazard ratio typed in lower case, not given where the arms meet, is declined": Case(
        ("destiny-breast03 pfs hr enhertu vs kadcyla",), said=("does not report a hazard ratio",), abstained=True),
    "an abbreviation in the rows shown is spelled out as the table's footnote says it": Case(
        ("primary endpoint for destiny-breast 07 and 08?",), said=("AEs: adverse events",)),
    "'it' after 'what about X -' is X when X would not otherwise be the turn's subject": Case(
        ("what does fgfr4 have to do with resistance?", "what about axl - is blocking it actually in trials or just lab stuff?"),
        read=("blocking axl",), said=("currently being evaluated in clinical trials",)),
    "a drug name the review misprints once is read as its usual printing": Case(
        ("why would lapitinib help with brain mets?",), read=("lapatinib",), said=("blood–brain barrier",)),
    "a class asked for with one word qualifying it is a list of its members": Case(
        ("which pipeline adcs use a microtubule inhibitor payload",), said=("ARX788", "Zanidatamab zovodotin")),
    "what a telling asked is to include is no figure asked instead": Case(
        ("give me the monarcher design and results incl hr and p value",), intent="overview",
        said=("with or without fulvestrant", "0.051")),
    "an arm's figure after 'vs.' beside the other arm asked is that arm's": Case(
        ("orr and duration of response nerlynx arm vs tykerb arm in nala?",), said=("32.8% vs. 26.7%",),
        abstained=False),
    "an endpoint its trial's results do not name is found where the trial is described": Case(
        ("what was the pfs in MonarcHER?",), said=("8.3 months vs. 5.7 months",), abstained=False),
    "'they' who print or say is the review, and a phase is no subject carried on": Case(
        ("the phase III lapatinib + capecitabine vs capecitabine alone trial in trastuzumab-refractory pts - what was the PFS?",
         "the CI they print for that HR looks off. what exactly does it say"), unread=("III print", "lapatinib print"),
        said=("0.34–0.071",)),
    "each member of a printed letter series is a name the review gives": Case(
        ("does alpelisib also hit PI3Kβ or PI3Kδ much?",), said=("minimal impact on PI3Kβ/γ/δ",), abstained=False),
    "whether data exist in a setting is a yes/no, not the drug's overview": Case(
        ("is there phase III data for T-DM1 after both herceptin and tykerb have failed?",), intent="yesno",
        said=("TH3RESA",)),
    "the kind a list asks of a section is the one part titled with it": Case(
        ("what other new approaches besides adcs and tkis are in the future directions part",),
        said=("4.4 Diverse Approaches", "molecular glues"), unsaid=("Liquid Biopsy [",)),
    "a section's overview brings the sentence naming the examples a paragraph opens with": Case(
        ("summary of the section on other new approaches (bispecifics, CAR-T etc)?",),
        said=("Techniques such as PROTACs and molecular glues",)),
    "a demonstrative after what it is of ('alterations in this gene') brings the sentence naming it": Case(
        ("why would MET changes make things worse for HER2+ patients?",), said=("hepatocyte growth factor receptor",)),
    "how a marker causes resistance is told after what it is": Case(
        ("How does AXL cause resistance to anti-HER2 drugs?",), said=("member of the TAM family", "bypass the HER2")),
    "a trial the table prints with a space is searched as printed, and a comparator is no term defined": Case(
        ("what's the experimental arm in destiny-breast 09?", "and what are they comparing it against?"),
        said=("Control Arm: Investigator’s choice standard of care (Taxane",), unsaid=("DESTINY-Breast 07",)),
    "a survival figure given without its endpoint's name answers the endpoint asked of an arm": Case(
        ("which cdk4/6 inhibitor was used in monarcHER?", "what was the pfs of the best arm?"),
        said=("8.3 months vs. 5.7 months",), abstained=False),
}

ROUND_40_CASES = {
    "how long the responses lasted is the duration of response": Case(
        ("what did destiny-breast03 show for enhertu", "how long did the responses last with it?"),
        said=("14.8 months",), abstained=False),
    "a response rate whose sentence names neither trial nor rate is found where its trial is described": Case(
        ("NALA response rate?",), said=("32.8% vs. 26.7%",), abstained=False),
    "a rate found where the trial is described must be printed with its figure, not said to improve": Case(
        ("what was the orr in the triple arm of monarcher?",), abstained=True, unsaid=("8.3 months",)),
    "'wats' is 'whats'": Case(("wats an adc exactly",), intent="definition", said=("three components",)),
    "a trial handed over with 'give me' and a telling word is an overview": Case(
        ("give me the monarcHER trial in a nutshell",), intent="overview", said=("237", "8.3 months vs. 5.7 months")),
    "'it' asked of an endpoint beside another drug is the drug, so the trial that set them together answers": Case(
        ("how does neratinib work", "which her receptors does it block", "and did it beat tykerb on overall survival?"),
        unread=("EXTENET",), said=("no differences in OS",)),
    "'what about' a trouble after a figure asks the trouble, not the figure again": Case(
        ("hr for pfs in the tukysa phase 3?", "what about toxicity in that arm"), unread=("pfs",),
        said=("transaminitis",)),
    "a table asked as the answer's form is a comparison, not the review's tables": Case(
        ("table comparing tykerb / nerlynx / tukysa: targets + key trial",), intent="compare",
        said=("EGFR1", "pan-HER", "highly selective")),
    "a topic asked in other words than its section's title finds the section": Case(
        ("overview of what the review says on checkpoint inhibitors + anti-her2",),
        said=("Immunotherapy in HER2-Positive Disease", "8.5 months vs. 4.1 months")),
    "a history asked goes on to the event quoted next in time": Case(
        ("kadcyla approval history - what trials got it approved and when",), said=("In 2013", "May 2019")),
    "'that' after a name brought up stands for what was told of it, which stays with the question": Case(
        ("my onc mentioned lung problems with enhertu... how often does that happen and can it kill you",),
        said=("13.6%", "2.2%"), abstained=False),
    "what they are compared against, after several rows, is each row's control arm": Case(
        ("is enhertu being tested first line anywhere?", "what are they comparing it against?"),
        read=("DESTINY-Breast 06 and DESTINY-Breast 09",), said=("nab-paclitaxel", "paclitaxel or docetaxel")),
    "what comes after a drug fails is the other drug the review gives after its failure": Case(
        ("what did TH3RESA show with kadcyla", "ok and once it stops working what's next?"),
        said=("T-DXd after failure of T-DM1", "effective after T-DM1 failure"), unsaid=("first ADC approved",)),
    "how many stopped a drug is declined when nothing quoted speaks of stopping": Case(
        ("how many pts stopped tukysa because of diarrhea?",), abstained=True,
        said=("does not report the number of patients who stopped treatment",)),
    "a stopping the review reports answers whether anyone stopped": Case(
        ("did anyone stop zw25 because of side effects in the phase 1?",), abstained=False,
        said=("no treatment discontinuations",)),
    "'the trial that got it approved' asks for a trial, not a definition": Case(
        ("my wife just started enhertu. what was the big trial that got it approved",), intent="fact"),
    "names set aside in brackets are set aside, and the kind asked is listed from its section": Case(
        ("what other new anti-her2 approaches (beyond adcs and tkis) does the review list",),
        said=("bispecific antibodies, CAR-T",)),
    "what a trial is testing is no term defined": Case(("what's the TULIP trial testing?",), intent="fact"),
    "an ADC's payload is what its antibody is linked to": Case(
        ("what's the payload of trastuzumab duocarmazine?",), said=("seco-duocarmycin-hydroxybenzamide-azaindole",),
        abstained=False),
    "a drug named in another trial's sentence is not the one a named trial used": Case(
        ("which antidiarrheal drug and schedule did CONTROL use with nerlynx",), abstained=True,
        said=("does not report the name of the antidiarrheal drug",)),
    "names given to a part for its context are no aspects listed": Case(
        ("my wife just started enhertu. what was the big trial that got it approved",
         "ok and the side effects? she gets short of breath"), said=("13.6%",), unsaid=("first ADC approved",)),
    "'they' after 'what about <condition>' asking who was let in are the patients with it": Case(
        ("pfs in the tucatinib pivotal trial?", "2 yr os?", "what about brain mets, were they let in?"),
        read=("patients with brain metastases let in",), unread=("were tucatinib",), said=("after local therapy",)),
    "a comparison followed by a yes/no of what one side does is two questions, 'it' the side not named again": Case(
        ("How does the payload of trastuzumab duocarmazine compare with that of T-DM1, and does it work where T-DM1 fails?",),
        said=("DNA alkylating agent", "overcome T-DM1 resistance")),
    "'non-X approaches' set a class aside, and 'the … part' names a part of the review": Case(
        ("what newer non-adc/non-tki approaches are listed in the future directions part",),
        said=("4.4 Diverse Approaches", "bispecific antibodies, CAR-T")),
    "a drug named as what resists is no partner given with the drug asked": Case(
        ("whats everolimus", "does it help with herceptin resistance?"),
        said=("first non-HER2-targeted therapy used to address trastuzumab resistance",)),
    "how a drug works is told from where the review speaks of it, not from a summary sentence on mechanisms": Case(
        ("how does neratinib work",), said=("pan-HER inhibitor",), unsaid=("Clinical research should be strengthened",)),
    "each side's own trial, asked as an aspect of a comparison, is told with it": Case(
        ("table comparing tykerb / nerlynx / tukysa: targets + key trial",), said=("EGFR1", "pan-HER", "NALA")),
    "survival asked of the disease is not a trial's survival": Case(
        ("how long do ppl usually live with her2+ metastatic breast cancer now",), abstained=True,
        unsaid=("16.4 months",)),
}

ROUND_41_CASES = {
    "a share of patients who end up with an event needs a figure beside every word of it": Case(
        ("what % of her2+ mbc pts end up with brain mets?",), abstained=True,
        said=("does not report the rate of brain metastases",)),
    "a share given for the event in a trial's patients answers it": Case(
        ("what % of HER2CLIMB pts had brain mets?",), said=("approximately 45%",), abstained=False),
    "a dose printed beside an endpoint is no figure for it": Case(
        ("exact pfs months for enhertu vs chemo in destiny-breast04?",), abstained=True,
        said=("gives no figures for PFS in DESTINY-Breast04", "significantly improved PFS and OS")),
    "'and after X?' after a what-next question asks what comes after X": Case(
        ("first line for her2+ mbc according to this review?", "ok she progressed on perjeta/herceptin/docetaxel, what next",
         "and after kadcyla?"), read=("what comes after kadcyla",), said=("effective after T-DM1 failure",)),
    "'what next after X fails' asks what comes after X": Case(
        ("what next after kadcyla fails?",), said=("T-DXd after failure of T-DM1",), unsaid=("first ADC approved",)),
    "a setting the turn names replaces the setting asked before": Case(
        ("is nerlynx approved in the adjuvant setting", "and in mbc, which line?"), unread=("adjuvant",),
        said=("third-line therapy in metastatic disease",)),
    "the measures the review names where it sets two drugs apart on the asked aspect are compared too": Case(
        ("kadcyla vs enhertu - how do they differ in linker and payload",),
        said=("non-cleavable linker", "tetrapeptide-based cleavable linker", "approximately eight",
              "**kadcyla vs enhertu**\n- Key biochemical differences")),
    "'in a few lines' is the answer's length, not lines of treatment": Case(
        ("what are the authors' main conclusions, in a few lines?",), said=("5 Conclusions", "ADCs have long been")),
    "'short version' asks the same, shorter": Case(
        ("whats the gist of this paper, short version pls",), said=("Abstract", "trastuzumab duocarmazine")),
    "where the review's whole subject is going is what the review covers": Case(
        ("big picture - where does this review say her2+ mbc treatment is going?",),
        said=("Abstract", "novel linkers and payloads")),
    "'they' who get to a line of treatment are patients, not the trial the last answer named": Case(
        ("whats the first-line standard for her2+ mbc per the review?", "and once they get to 3rd line and beyond?"),
        unread=("CLEOPATRA",), said=("no standard of care for metastatic BC in third and later lines",)),
    "a trial asked of a finding that names none is the trial a sentence citing the same paper names": Case(
        ("which trial tested enhertu in her2-low",), said=("DESTINY-breast04",), unsaid=("DESTINY-Breast01",)),
    "'which trial was that' after a drug's answer is the trial told of that drug": Case(
        ("is kadcyla any use after 2+ prior her2 lines?", "which trial was that and did it improve survival too or just pfs"),
        read=("TH3RESA",), unread=("DESTINY-Breast01",)),
    "how precisely a property is asked is no part of it": Case(
        ("what's kadcyla's drug-to-antibody ratio exactly?",), abstained=True,
        said=("does not report the drug-to-antibody ratio for kadcyla",)),
    "'in plain english' set between a question's parts is how to answer, not a topic the review lacks": Case(
        ("explain an adc in plain english, what's it made of",), abstained=False, said=("three components",)),
    "a standard treatment asked for a line is the review's standard of care in that line": Case(
        ("is there a standard 3rd line treatment for her2+ mbc according to this paper?",),
        said=("no standard of care for metastatic BC in third and later lines",)),
    "a hyphen after a word that can name a purpose ('post') is no separator of a preamble": Case(
        ("kadcyla post-neoadjuvant: how much did it cut distant recurrence and after what follow up",),
        abstained=False, said=("40% reduction in the risk of distant recurrence", "41 months")),
    "what is listed of several trials a table's rows name is in those rows": Case(
        ("list every drug combined w t-dxd across destiny-breast 07 and 08",),
        said=("T-DXd plus durvalumab", "T-DXd plus capivasertib"), unsaid=("DESTINY-Breast 06",)),
    "'what other <trouble>' asks others of the topic in the same trial, not other trials": Case(
        ("what did destiny-breast03 show for enhertu", "how bad was the lung toxicity in it? any deaths",
         "what other grade 3 stuff?"), unread=("besides",), said=("gastrointestinal and hematological",),
        unsaid=("tucatinib arm",)),
    "the arms asked of a trial bring the skipped sentence that sets them out": Case(
        ("which arm in monarcher did best?",), said=("with or without fulvestrant", "triple combination")),
    "a phase asked of an agent is found where the review describes its trials": Case(
        ("is SYD985 in a phase 3?",), said=("TULIP phase III trial",)),
    "'what about <place>, did it help there?' asks the question with 'there' the place": Case(
        ("how did kadcyla do in emilia", "what about in the adjuvant setting, did it help there?"),
        read=("did kadcyla help in the adjuvant setting",), said=("88.3% vs. 77%",)),
    "of two names typed for one thing, the one the review prints is defined": Case(
        ("what is zanidatamab / zw25",), said=("bispecific antibody",)),
    "whether a drug is in any of a drug's trials is asked of the rows of the table of its trials": Case(
        ("is tucatinib in any of the enhertu combo trials",), said=("DESTINY-Breast 08", "HER2CLIMB-04")),
    "a column asked of 'they' after a few rows is asked of each row": Case(
        ("is tucatinib in any of the enhertu combo trials", "which phase are they in?"),
        read=("DESTINY-Breast 07, DESTINY-Breast 08 and HER2CLIMB-04",), said=("I/II, I, II",)),
    "a figure asked by subtype goes on through the sentences giving the others": Case(
        ("breakdown of bc incidence by subtype per 100k?",), abstained=False, said=("87.2", "13.2", "12.6", "5.1")),
    "a drug said to have failed is the patient's history, so a later 'it' stays the drug asked about": Case(
        ("what is enhertu exactly", "can i get it if kadcyla already failed?", "what side effects should i watch for with it"),
        read=("with enhertu",), said=("13.6%",)),
    "how many times a day a drug is taken is a schedule": Case(
        ("how many times a day is tukysa taken?",), abstained=True, said=("does not report how often it is given",)),
}

ROUND_42_CASES = {
    "a part asking only for data is asked on the subject of the part before": Case(
        ("how do cdk4/6 inhibitors fit in her2+ mbc? any decent data",), said=("8.3 months vs. 5.7 months", "71 patients")),
    "a part asking only for an overview is the overview of the drug the part before named, a brand too": Case(
        ("writing about kadcyla for her2+ mbc - did it help in second line? give me the overview",),
        said=("TH3RESA",), unsaid=("immunotherapy has changed",)),
    "a figure typed after a sign of a value is no part of a name": Case(
        ("which paper reports the DAR ~8 of enhertu",), abstained=False, said=("approximately eight", "Nakada")),
    "a paper found by its title is quoted with the review's sentence citing it": Case(
        ("who reported that SYD985 overcomes resistance to t-dm1",), said=("has been shown to overcome T-DM1 resistance",
                                                                         "Nadal-Serrano")),
    "'it' in 'did it matter' stands for no name, so the trial asked about stays the subject": Case(
        ("what did EMILIA test", "did it matter which sites the mets were in"), read=("EMILIA",), unread=("lapatinib",),
        said=("regardless of the site of metastatic disease",)),
    "a drug's story is its overview": Case(
        ("tell me the enhertu story",), said=("DESTINY-Breast01", "DESTINY-Breast03")),
    "results asked only by the word the reading carried are not asked: the follow-up trial is told": Case(
        ("any cdk4/6 inhibitor trials in her2+?", "what did PATRICIA find", "what about the follow up study?"), abstained=False,
        said=("PATRICIA-II (NCT02448420)",)),
    "two regimens met in a trial bring the approval their results led to": Case(
        ("neratinib+cape vs lapatinib+cape, which did better?",), said=("2.2-month", "as third-line therapy")),
    "a point a comparison keeps that draws on the one before brings it": Case(
        ("PATRICIA vs monarcHER, who benefited most?",), said=("10.6 months vs. 4.2 months", "For this reason")),
    "the next drug of a kind asked after a failure is what comes after it, and what 'it' means next": Case(
        ("my mum progressed on kadcyla - which is the next adc the review backs?", "what about its side effects?"),
        read=("T-DXd",), unread=("kadcyla",)),
    "the first answer of a next-drug question quotes what comes after the failed one": Case(
        ("my mum progressed on kadcyla - which is the next adc the review backs?",), said=("effective after T-DM1 failure",)),
    "a paper's details asked after an answer citing one paper are that paper's": Case(
        ("which paper reported KATHERINE?", "what year and journal?"), read=("reference 41",), said=("von Minckwitz",)),
    "a sentence going on about the trial told before it takes the paper of that trial, not of the next": Case(
        ("what reference backs EMILIA's OS of 30.9 vs 25.1 months?",), said=("reference 39", "Verma"), unsaid=("reference 40",)),
    "a name in what the asker says of their background is not asked": Case(
        ("i only know imatinib from CML, which tkis are approved for her2+ mbc?",), abstained=False,
        said=("lapatinib, neratinib, and tucatinib",)),
}

# Round 43
ROUND_43_CASES = {
    "a figure asked of a drug whose trial rows fill the pool is found where its results are told": Case(
        ("what response rate did enhertu get?",), abstained=False, said=("60.9%",)),
    "an endpoint asked in the brain is not answered by the overall one": Case(
        ("intracranial response rate with enhertu?",), abstained=True, said=("does not report the intracranial response rate",)),
    "an endpoint carried by the reading is not asked in the brain": Case(
        ("tukysa + herceptin + xeloda, what pfs?", "what about pts with brain mets, were they allowed?"), abstained=False,
        said=("approximately 45% in both arms",)),
    "a name asked that fusion left out of the pool is found among the second stage's best": Case(
        ("is ipatasertib approved for her2+ pik3ca mutant mbc?",), said=("ipatasertib (GDC-0068)",)),
    "a claim followed by '- source?' asks for the paper behind it": Case(
        ("src activation linked to worse survival - source?",), said=("Peiró",)),
    "a named radiotherapy technique the review never names is declined": Case(
        ("any data on wbrt together with tucatinib?",), abstained=True, said=("wbrt",)),
    "'which antidiarrheal' asks for a drug's name, which the review does not give": Case(
        ("which antidiarrheal is used in the CONTROL trial for nerlynx?",), abstained=True, said=("the name of the antidiarrheal",)),
    "a name standing for its class keeps the parts of the section on resistance listed": Case(
        ("what resistance mechanisms to herceptin-type drugs does the review go thru",), said=("p95HER2", "MET Aberrations")),
    "a word of chat after the term asked is no part of it": Case(
        ("what is an adc anyway",), abstained=False, said=("three components",)),
    "a name typed alone, then 'what kind of drug is that', asks what it is": Case(
        ("zw25 - what kind of drug is that",), said=("a bispecific antibody",)),
    "trials of a drug listed from a table bring the text's sentence naming more registrations": Case(
        ("list the trials testing tukysa together with an adc",), said=("HER2CLIMB-04", "NCT05673928")),
    "two resistance mechanisms compared are told by what each is, not by drugs acting": Case(
        ("p95her2 vs igf-ir as resistance mechanisms, how do they differ",),
        said=("tyrosine kinase receptor", "through several mechanisms")),
    "a count on each of something is declined when only other figures are found": Case(
        ("how many DM1 molecules sit on each kadcyla antibody on average?",), abstained=True,
        said=("the number of DM1 molecules",)),
    "a response asked in the brain, without 'rate', is not answered by a trial's row": Case(
        ("what intracranial response did destiny-breast12 report for enhertu in brain mets?",), abstained=True,
        said=("does not report the intracranial response",)),
    "activity asked in the CNS is answered where the review says it": Case(
        ("any cns activity with tucatinib?",), abstained=False, said=("central nervous system metastatic disease",)),
    "the digit of a drug's code is no count of what it carries": Case(
        ("whats the drug-to-antibody ratio of kadcyla, how many DM1 per antibody",), abstained=True),
    "a length asked in days needs a figure in days": Case(
        ("for how many days is the antidiarrheal prophylaxis given in CONTROL?",), abstained=True, said=("a figure in days",)),
}

ROUND_44_CASES = {
    "an overview asked with its side effects keeps the sentences reporting them": Case(
        ("rundown of tucatinib - mechanism, trial data and side effects",), said=("diarrhea, transaminitis",)),
    "a topic then '- quick rundown?' is an overview of the section on it": Case(
        ("newer approaches beyond adcs and tkis - short rundown?",), said=("33% response rate", "disease control rate of 58%")),
    "a title's head noun before its qualifiers names the section": Case(
        ("tell me about the newer approaches",), said=("Diverse Approaches in Anti-HER2 Therapy Exploration", "ZW49")),
    "names after a dash ending in 'etc' are examples of the section asked": Case(
        ("summary of the new approaches - bispecifics, car-t etc",), said=("PRS-343", "molecular glue")),
    "two drugs compared 'for' a setting are the arms of the trial in that setting": Case(
        ("t-dm1 vs herceptin for residual disease?",), said=("88.3% vs. 77%",)),
    "a drug's name asked after where ('in CONTROL, which antidiarrheal') is declined when none is named": Case(
        ("in CONTROL, which antidiarrheal is given with neratinib?",), abstained=True, said=("the name of the antidiarrheal",)),
    "'d/c' is discontinue: what to do about a toxicity, which the review does not say": Case(
        ("at which grade of ild should enhertu be d/c'd?",), abstained=True, said=("how to manage interstitial lung disease",)),
    "a reason a why quotes that opens on 'Additionally' brings the reason before it": Case(
        ("why would cdk4/6 inhibitors help in her2+ bc?",),
        said=("CCND1 overexpression can activate CDK4 and CDK6",)),
    "why a drug would be added is also told where its trials are, by the preclinical case": Case(
        ("why combine cdk4/6 inhibitors with anti-her2 drugs?",), said=("could resensitize resistant",)),
    "a side effect typed by ear is the review's word": Case(
        ("does neratinib cause diarea?",), read=("diarrhea",), said=("high incidence of diarrhea",)),
    "a worry told after a follow-up's question, with the reading's brackets after it, is no part of it": Case(
        ("what is neratinib", "does it cause diarrhoea? my wife is scared of that"), intent="yesno",
        said=("high incidence of diarrhea",)),
    "'what about <topic> - were they …?' asks the yes/no after the dash, not a list": Case(
        ("how selective is tukysa", "what about brain mets with it - were such patients enrolled?"), intent="yesno",
        said=("approximately 45% in both arms",)),
    "a figure asked by no endpoint's name is looked for in text when rows and references fill the pool": Case(
        ("how often was the toxicity of T-DXd fatal?",), abstained=False, said=("fatal in approximately 2.2%",)),
    "a trial name typed without the review's subject as its prefix is that trial": Case(
        ("what did climb find for tucatinib?",), read=("HER2CLIMB",), said=("7.8 months",)),
    "an endpoint the review gives only between groups of a trial's patients is not the trial's": Case(
        ("cleopatra pfs?",), abstained=True, said=("does not report the PFS of each arm", "low HER2 expression")),
    "what tells a trial's groups apart, when asked, is answered by the difference between them": Case(
        ("in cleopatra did her2 expression level by ihc matter for pfs?",), abstained=False,
        said=("low HER2 expression levels had a worse PFS",)),
    # (guards of this round's steps: what an 'Additionally'/'Moreover' sentence adds to must say why too; HER2, which
    # every drug of the review targets, names no drug whose preclinical case is told elsewhere)
    "a result a 'Moreover' sentence adds to is no reason of a why": Case(
        ("Why is neratinib's use often restricted in practice?",), said=("high incidence of diarrhea",),
        unsaid=("2.2-month absolute difference",)),
    "'HER2-targeted drugs' bring no other target's preclinical case to a why": Case(
        ("Why would you combine HER2-targeted drugs with immune checkpoint inhibitors?",), said=("CD8 T cells",),
        unsaid=("IGF-IR",)),
}

# Round 45: each fails on the round's start (abe56d7)
ROUND_45_CASES = {
    "what a drug was compared with in a trial, typed with its code, asks the trial's comparator": Case(
        ("what was t-dm1 compared with in the th3resa study?",), said=("physician treatment choice",),
        unsaid=("CLEOPATRA",)),
    "'list them' after a question asks its answer as a list, no list of its own": Case(
        ("db-08 arms? list them",), said=("T-DXd plus capivasertib",), unsaid=("DESTINY-Breast 06",)),
    "a target's name with an 'i' is its inhibitor": Case(
        ("quick overview of cdk4/6i with anti-her2 drugs",), read=("cdk4/6 inhibitor",), said=("MonarcHER",)),
    "a topic none of a drug's paragraphs speaks of is a gap, told beside what the review says of it": Case(
        ("any data on neratinib in brain mets?",), abstained=True, said=("no data on neratinib", "lapatinib")),
    "a topic a drug's paragraph does speak of is answered there": Case(
        ("any data on tucatinib in brain mets?",), abstained=False, said=("approximately 45% in both arms",)),
    "a successor study of 'it' is the trial's, not its drug's": Case(
        ("what drugs were given in PATRICIA?", "is there a follow-up study to it?"), read=("PATRICIA",), said=("PATRICIA-II",)),
    "'give me the <drug> data' asks for the overview of its data": Case(
        ("give me the tukysa data in short",), intent="overview", said=("7.8 months",)),
    "an endpoint's numbers asked of a trial give its design and results, not the drug's introduction": Case(
        ("kadcyla emilia os numbers",), said=("30.9 vs. 25.1 months", "lapatinib plus capecitabine"),
        unsaid=("first ADC approved",)),
    "a plural kind 'in the <part> part' asks which the part names": Case(
        ("newer approaches in the future directions part?",), intent="list", said=("bispecific antibodies, CAR-T",)),
    "a figure asked 'in each' of two trials is given for each": Case(
        ("monarcher and patricia, how many patients in each?",), said=("237", "71 patients")),
    "two drugs compared 'in' a setting are the arms of the trial in that setting": Case(
        ("kadcyla vs herceptin in residual disease - results?",), said=("88.3% vs. 77%",)),
    "two words only a cited title joins stay two words": Case(
        ("what share of breast cancers are her2 overexpressing?",), unread=("HER2-Overexpressing",),
        abstained=False, said=("15–20%",)),
    "combining 'it' with another drug, after a drug's turn, is that drug's combination": Case(
        ("what is tykerb", "what about combining it with herceptin?"), said=("EGF104900",),
        unsaid=("Immunotherapy in HER2-Positive Disease",)),
}

ROUND_46_CASES = {
    "a side's patients refractory to a drug is its setting, not part of its regimen": Case(
        ("tykerb + xeloda vs xeloda alone in herceptin refractory disease",), said=("8.4 months vs. 4.4 months",),
        unsaid=("EGF104900",)),
    "which combination did better asks a regimen, not a figure": Case(
        ("which combination with everolimus improved progression-free survival?",), abstained=False,
        said=("everolimus, trastuzumab, and paclitaxel",)),
    "the cns asked of a drug is met by the review's brain words said of it": Case(
        ("does lapatinib get into the cns?",), abstained=False, said=("blood–brain barrier",)),
    "a column one table lacks is given from the other table's row of the same name": Case(
        ("ARX788 payload and endpoint?",), said=("AS269", "Primary Endpoint: ORR")),
    "'vs what?' after a trial asks what it was compared against": Case(
        ("what dose was used in destiny-breast04?", "vs what? and was os better"), read=("compared against",),
        said=("physician’s choice chemotherapy",)),
    "'they' who looked at something in a trial are the trial's investigators": Case(
        ("kate2 results?", "what biomarkers did they analyse?"), read=("KATE2",), said=("CD8 expression",)),
    "a follow-up trial for 'that' after a trial is the trial's successor": Case(
        ("who benefited in patricia?", "is there a follow-up trial planned for that?"), read=("PATRICIA",),
        said=("PATRICIA-II",)),
    "registry numbers asked after an answer giving several are all of them": Case(
        ("any tucatinib + adc trials?", "what are the nct numbers?"), said=("NCT05673928",)),
    "the drug patients progressed on is background: 'it' next is the drug brought up": Case(
        ("is there anything for patients progressing on T-DM1? heard about SYD985", "is it in phase 3?"),
        read=("SYD985",)),
    "who the answer will be explained to, told after the request, is no subject": Case(
        ("what are the three parts of an adc, need to explain to a patient on enhertu",), said=("a linker used to connect",)),
    "a brand the review never names is declined by its generic name": Case(
        ("is margenza better than herceptin?",), abstained=True, said=("margetuximab",)),
    "a trial acronym the review never prints is declined": Case(
        ("what was the pfs in SOPHIA?",), abstained=True, said=("SOPHIA",)),
    "the comparator asked of a trial is the sentence setting its arms against each other": Case(
        ("what was destiny-breast04 compared against?",), said=("physician’s choice chemotherapy",)),
    "'what's its <measure>' is asked of the subject carried on, not a definition of the setting named": Case(
        ("whats trastuzumab duocarmazine", "what's its orr in her2-low?"), read=("duocarmazine",), said=("28% to 40%",)),
    "the first line's standard of care is the review's gold standard": Case(
        ("first line soc for her2+ mbc?",), abstained=False, said=("CLEOPATRA",)),
    "an approval's year the review does not give is declined with the approvals it tells of the drug": Case(
        ("when was neratinib approved by the fda?",), abstained=True, said=("adjuvant therapy setting", "third-line therapy")),
    "a process the review names by its adjective is no unknown term": Case(
        ("who published the ferroptosis work on fgfr4?",), abstained=False, said=("Zou Y.",)),
    "an adjective asked meets its noun in the review": Case(
        ("how often are her2+ pts intratumorally heterogeneous for her2?",), said=("16–36%",)),
    "a drug's main problem is what limits its use": Case(
        ("what is nerlynx?", "what's the main problem with it in the clinic?"), abstained=False, said=("diarrhea",)),
    "'whats the biggest problem with X' is no definition": Case(
        ("whats the biggest problem with nerlynx",), intent="fact", said=("diarrhea",)),
}

ROUND_47_CASES = {
    "'acc to the authors' is the review's own authors, not a reference asked": Case(
        ("is there a standard of care in third line acc to the authors?",), intent="yesno",
        said=("no standard of care",)),
    "an enrolment asked is a head count, declined when the review gives none": Case(
        ("what was the enrolment in the nala trial?",), abstained=True, said=("number of patients",)),
    "an enrolment asked is found where the review gives the trial's head count": Case(
        ("monarcher enrollment number",), abstained=False, said=("enrolled 237",)),
    "'total enrollment' is a head count too": Case(
        ("total enrollment in kate2?",), abstained=True, said=("number of patients",)),
    "'what was X and what happened' tells the trial's design and its results": Case(
        ("what was DESTINY-Breast04 in HER2-low and what happened",), intent="overview",
        said=("5.4 mg/kg every three weeks", "significantly improved PFS and OS")),
    "a name typed first, then 'what was it and what happened'": Case(
        ("destiny-breast04 in her2-low - what was it and what happened?",),
        said=("5.4 mg/kg every three weeks", "significantly improved PFS and OS")),
    "a result told by its significance is grouped under results": Case(
        ("tell me about destiny-breast04",), said=("**Results**\n- The addition of T-DXd significantly improved",)),
    "'which trial …' is named by the sentence that speaks to the rest asked, read with the one it follows": Case(
        ("which trial is trying to cut down on neratinib diarrhoea?",), said=("CONTROL trial",)),
    "'In addition, … other …' brings the sentence it adds to": Case(
        ("what does axl switch on downstream?",), said=("bypass the HER2 signaling pathway", "MAPK/ERK")),
    "an endpoint with where it is measured, as the primary endpoint, is the tables' column": Case(
        ("which trials have ORR in brain metastases as their primary endpoint?",), intent="table",
        said=("NCT04752059",), unsaid=("NCT04739761",)),
    "trials 'with a … endpoint' are filtered on the tables' endpoint column": Case(
        ("any t-dxd trials with a brain mets endpoint",), intent="table", said=("NCT04752059",)),
    "'list the <trial> arms' is the arms cell of the trial's row": Case(
        ("list the destiny-breast08 arms",), intent="table", said=("T-DXd plus capivasertib",),
        unsaid=("DESTINY-Breast 07",)),
    "a column asked that the other table's row leaves empty is said to be empty, not given": Case(
        ("ARX788 payload and control arm?",), said=("gives its experimental arm and lists no control arm",)),
    "what makes cells resistant is told by the review's resistance": Case(
        ("how does pi3k pathway hyperactivation make cells resistant",), said=("This hyperactivation leads to resistance",)),
    "a quality asked by its adjective that no quoted sentence names is declined": Case(
        ("how accurate is liquid biopsy for her2 status?",), abstained=True, said=("how accurate it is",)),
    "a two-word name titles its own section as a phrase ('Cyclin D1/CDK4/CDK6')": Case(
        ("how does cyclin d1 cause resistance to herceptin?",), intent="why",
        said=("CCND1 overexpression can activate CDK4 and CDK6",)),
    "a condition, then a question whose subject is the patient, is a yes/no": Case(
        ("if her brain mets grow locally on the tukysa regimen can the patient stay on it",), intent="yesno",
        said=("treatment could be continued after local therapy",)),
    "a side told by its table row has the other side's row of the same table beside it": Case(
        ("SYD985 vs ARX788 payloads?",), intent="compare", said=("DUBA (DNA-alkylating agent)", "AS269 (MT inhibitor)")),
}

ROUND_47B_CASES = {
    "an ADC's payload asked is told by the sentence printing what the antibody is linked to, not the word alone": Case(
        ("whats the payload of enhertu",), said=("linked to a topoisomerase I inhibitor payload",)),
    "'that one' after 'which trial …?' is the trial the answer gave, 'its' still the drug asked of": Case(
        ("tell me about nerlynx", "which trial got it approved in metastatic disease?", "what about its orr in that one?"),
        read=("NALA",), said=("32.8% vs. 26.7%",)),
    "a care setting typed ('clinic') is an everyday word, not a typo of the review's 'clinical'": Case(
        ("main problem with nerlynx in the clinic?",), read=("in the clinic?",), said=("diarrhea",)),
    "'in the clinic' asks of the review's clinical trials and practice": Case(
        ("is anything targeting axl in the clinic yet?",), said=("currently being evaluated in clinical trials",)),
}

ROUND_47C_CASES = {
    "a brand of a drug the review never names is declined (Trodelvy)": Case(
        ("is trodelvy an option for her2+ disease?",), abstained=True, said=("sacituzumab govitecan",)),
    "'<name> trial - what happened' typed in lower case tells the trial": Case(
        ("patricia trial - what happened",), intent="overview", said=("71 patients", "PATRICIA-II")),
    "drugs in brackets after a trial's name say which trial it is, not a subject the answer must name": Case(
        ("how many patients were in monarcher (abema + herceptin)?",), abstained=False, said=("237",)),
    "a combination's trial with aspects listed is its table rows": Case(
        ("tukysa plus enhertu trial - name, phase, endpoint",), said=("HER2CLIMB-04", "Primary Endpoint: ORR")),
}


ROUND_48_CASES = {
    "a trial's name, its drug and a word asking to be told of it is the trial's overview": Case(
        ("nala trial nerlynx details pls",), intent="overview", said=("2.2-month", "32.8% vs. 26.7%")),
    "'<name> - what happened' without the word trial tells the trial": Case(
        ("emilia - what happened",), intent="overview", said=("9.6 vs. 6.4 months", "30.9 vs. 25.1 months")),
    "'what happend' typed is the overview asked": Case(
        ("th3resa kadcyla what happend",), intent="overview", said=("TH3RESA",)),
    "what a drug is given with is the drugs the review gives beside it": Case(
        ("what do they give tukysa with?",), said=("in combination with capecitabine and trastuzumab",)),
    "'which trial' of a finding that names no trial gives the trial its paragraph named before it": Case(
        ("which trial showed kadcyla's invasive dfs benefit",), said=("KATHERINE",)),
    "a family name typed without its member's number is the one member the review prints": Case(
        ("fgfr role in resistance?",), read=("FGFR4",), said=("FGFR4",)),
    "'<trial> <column> list' is the column of that trial's row": Case(
        ("destiny breast 08 arms list",), intent="table", said=("T-DXd plus capivasertib", "T-DXd plus anastrozole")),
    "a code in brackets beside a drug the review names is the drug's other name, not a subject it lacks": Case(
        ("what payload does Disitamab vedotin (RC48) carry?",), abstained=False, said=("MMAE",)),
    "which treatment is best for one person is declined: the review compares trials, not patients": Case(
        ("enhertu or kadcyla - which is better for my mom?",), abstained=True, said=("best for one patient",)),
    "platelets, which the review never mentions, are declined": Case(
        ("does enhertu lower platelets?",), abstained=True, said=("platelets",)),
    "'head-to-head' is one word, no dash ending a comparison's headline, so the figure asked of the trial is answered": Case(
        ("kadcyla vs tykerb+xeloda head-to-head os hr in emilia",), intent="fact", said=("0.68",)),
    "a topic of several words before a dash, then a yes/no question": Case(
        ("brain progression while on tukysa - can treatment continue after radiation?",), intent="yesno",
        said=("continued after local therapy",)),
    "'<drug> trial for <population> - <column>?' is the tables' rows for that population": Case(
        ("enhertu trial just for brain mets - phase?",), intent="table", said=("NCT04752059",)),
    "'it' after the one subject the turn names is that subject, not one carried on": Case(
        ("what did HER2CLIMB show?", "nerlynx? and when was it approved"), read=("when was nerlynx approved",)),
    "'X and resistance, what's the link' asks how the two are tied": Case(
        ("fgfr4 and herceptin resistance - what's the connection?",), intent="why"),
    "'X and resistance how' typed with the how last asks the mechanism": Case(
        ("muc4 and trastuzumab resistance how",), intent="why", said=("epitope",)),
    "'which trial is that from' after an answer is the reference it cites": Case(
        ("any benefit from adding everolimus?", "which trial was that from"), intent="reference", said=("BOLERO-1",)),
    "targeting a receptor is inhibiting it: the sentence on its inhibition answers": Case(
        ("what is axl", "anyone targeting it with meds yet?"), said=("currently being evaluated in clinical trials",)),
}


ROUND_48B_CASES = {
    "a Greek letter typed as its Latin first letter in lower case is the isoform the review prints": Case(
        ("whats alpelisib selective for, pi3ka?",), read=("pi3kα",), said=("PI3Kα",)),
    "'<term> def' asks the term's definition": Case(
        ("car-t def",), intent="definition", said=("CAR-T",)),
    "'source?' as a turn of its own asks the reference of what was said": Case(
        ("what did KATHERINE show?", "source?"), intent="reference", said=("von Minckwitz",)),
    "a claim, then '- which study', asks the study the review cites for it": Case(
        ("ferroptosis and fgfr4 in her2+ bc - which study",), intent="reference", said=("Zou Y.",)),
    "holding a drug for a toxicity is its management, which the review does not give": Case(
        ("do you pause enhertu for ild?",), abstained=True, said=("how to manage",)),
}

# Round 49: driven by four blind rounds (rg–rj)
ROUND_49_CASES = {
    "an abstract's percentage comes with the body's sentence stating the same share, which carries the reference": Case(
        ("what % of breast cancers are her2 positive",), said=("15–20%", "approximately 15%")),
    "the body's sentence is one stating a share of the same whole, not another percentage near it": Case(
        ("how many breast cancers are her2 positive anyway",), said=("approximately 15%",), unsaid=("11.7%",)),
    "'<trial> source?' asks the reference the review cites for the trial": Case(
        ("her2climb source?",), intent="reference", said=("Murthy R.K.",)),
    "drugs aimed at a target that titles a section are the section's inhibitors": Case(
        ("pi3k pathway + her2 resistance", "any drugs aimed at it?"), said=("everolimus", "ipatasertib", "Alpelisib")),
    "a trial's name and 'tell me quickly' asks for its overview": Case(
        ("monarcher trial tell me quickly",), intent="overview", said=("237",)),
    "a lower-case gene name before what is said of a gene is the gene, carried to the next turn": Case(
        ("met aberrations and her2 resistance", "so what's the implication for treatment"), read=("MET",),
        said=("MET inhibitors",)),
    "a name the review prints with a Roman numeral, typed with a digit, is no name missing": Case(
        ("what does the review say about igf-1r",), abstained=False, said=("IGF-IR",)),
    "a short code found only across two printed words ('other 5') is not a name the review knows": Case(
        ("what does the review say about HER5",), abstained=True),
    "which patients did better on a drug of the trial just discussed asks within that trial": Case(
        ("patricia trial?", "and which patients did better on palbo"), read=("PATRICIA",), said=("luminal",)),
    "which patients did better is the subgroup that benefits": Case(
        ("patricia trial?", "and which patients did better on palbo"), said=("only benefits patients with HR-positive",)),
    "an ADC's payload asked brings its row of the table of ADCs, which names the payload short": Case(
        ("whats the payload on trastuzumab duocarmazine",), said=("seco-duocarmycin", "DUBA")),
    "a name whose section is titled with its spelt-out form gets that section's overview": Case(
        ("igf-1r and her2 resistance - what does the review say",), said=("2.3 Insulin-Like", "Ongoing clinical trials")),
    "'ER/PR negative' is the review's HR-negative, no name missing": Case(
        ("i was ER/PR negative. would ibrance + herceptin have done anything for someone like me in PATRICIA?",),
        read=("HR-negative",), said=("only benefits patients with HR-positive",)),
}

# Round 49, step B: driven by four more blind rounds (ro–rr)
ROUND_49B_CASES = {
    "'<abbreviation> stands for? what is it' asks its long form, not a term 'tpd stands'": Case(
        ("tpd stands for? what is it",), abstained=False, said=("Targeted protein degradation",)),
    "'source that <claim>' asks the reference the review cites for the claim": Case(
        ("source that syd985 overcomes t-dm1 resistance",), intent="reference", said=("Nadal-Serrano M.",)),
    "'% with <side effect>' asks its share of patients, which the review does not give for NALA": Case(
        ("% with diarrhea on neratinib in nala",), abstained=True, said=("rate of diarrhea",)),
    "'should i do X first or Y' asks a choice for one patient": Case(
        ("should i do radiation (srs) first or go straight to tukysa",), abstained=True, said=("best for one patient",)),
    "'prognostic' is what the review says of the prognosis": Case(
        ("ctc / ctdna positivity prognostic?",), said=("worse prognosis",)),
    "'activity' in the brain is a drug working there, in whatever words the review says it": Case(
        ("tykerb mechanism", "does it have cns activity"), abstained=False, said=("untreated brain metastasis",)),
    "'comparator?' after a trial's turns asks what the trial compared against": Case(
        ("destiny-breast04 population?", "dose of tdxd used", "comparator?"), read=("DESTINY-Breast04 compared against",),
        said=("physician’s choice chemotherapy",)),
    "'what did that lead to' after a trial asks what its results led to": Case(
        ("tell me about destiny-breast01", "so what did that lead to"), said=("accelerated approval",)),
    "a plural and who found its members asks for the members": Case(
        ("her2 mutations bose found?",), intent="list", said=("L755S", "D769H")),
    "names typed one after another without commas are sides each, not one name": Case(
        ("difference between tykerb nerlynx and tukysa in what they block",), intent="compare",
        said=("**tykerb**", "**nerlynx**", "**tukysa**", "EGFR1")),
}


ROUND_50_CASES = {
    "'trials of <drug> for <population>' lists the table rows whose cells name the population": Case(
        ("any trial of enhertu only for brain mets",), intent="table", said=("NCT04752059", "ORR brain met")),
    "a plural and who found it, as a participle ('found by <who>'), asks for the members": Case(
        ("her2 mutations described by bose et al",), intent="list", said=("L755S", "D769H")),
    "an IHC score typed as the term is defined by the sentence that defines it, read with its test": Case(
        ("what does 3+ mean on her2 ihc",), said=("complete circumferential membrane staining",)),
    "an IHC score the review only names is described where it names it": Case(
        ("what does 2+ mean in her2 testing",), said=("IHC score of 1+ or 2+",)),
    "two targets typed together that one section's title joins ask for that pathway's drugs": Case(
        ("pi3k / mtor inhibitors mentioned?",), intent="list", said=("ipatasertib", "Alpelisib", "everolimus"),
        unsaid=("ipatasertib, pertuzumab",)),  # (the lead's roll call, not the sentence giving it with ipatasertib)
    "'<topic> paper?' asks the reference the review cites for it": Case(
        ("her2climb paper?",), intent="reference", said=("Murthy R.K.",)),
    "'<claim> - which trial backs it' asks the reference behind the claim": Case(
        ("everolimus plus paclitaxel pfs - which study backs that",), intent="reference", said=("Hurvitz S.A.",)),
    "'<topic> -> resistance, mechanism?' asks why": Case(
        ("ccnd1 overexpression -> resistance - mechanism?",), intent="why", said=("activate CDK4 and CDK6",)),
    "a topic asked of one drug brings each sentence of its passage holding the topic": Case(
        ("tucatinib cns mets?",), said=("crossing of the brain–blood barrier", "approximately 45% in both arms")),
    "an IHC score is no word off the review's topic": Case(
        ("ihc 3+ criteria as they put it",), abstained=False, said=("more than 30%",)),
    "a term typed straight after 'vs' ends before the question that follows it": Case(
        ("her2-low vs her2 3+ how are they different",), intent="compare", said=("**her2 3+**", "more than 30%")),
    "'that' after a question of two drugs given together is the two drugs together": Case(
        ("can tukysa be combined with enhertu", "any trial looking at that?"), said=("HER2CLIMB-04",)),
    "'does <drug> work' asks what its studies demonstrated": Case(
        ("zw25?", "does it actually work"), said=("33% response rate",)),
    "a figure asked of a trial the review only names as running is declined, not given from the next trial": Case(
        ("tulip primary endpoint and outcome",), abstained=True, said=("reports no results",)),
    "a code of letters and digits the review never prints, typed beside a name it does, is not in the review": Case(
        ("her2/cep17 ratio cutoff for ish?",), abstained=True, said=("cep17",)),
    "how a rare name is measured, when no sentence of the review names it with a test, is declined": Case(
        ("which assay measures p95her2",), abstained=True, said=("which assay",)),
    "'which trial in mbc' then its figures: the trial the answer told of the metastatic setting": Case(
        ("what does neratinib inhibit", "which trial in mbc", "orr and duration of response?"), read=("NALA",),
        said=("32.8% vs. 26.7%",)),
    "'it' after '<topic> - any trial' is the trial the answer found": Case(
        ("liquid biopsy for anti-her2 resistance - any trial", "how did it choose the therapy"), read=("PLASMA-MATCH",),
        said=("next-generation sequencing",)),
    "a list of a section's parts asked with 'bit' for the section": Case(
        ("newer approaches in the future directions bit?",), intent="list", said=("bispecific antibodies",)),
    "a table row answered alone brings the text's sentence citing its identifier": Case(
        ("what is HER2CLIMB-04",), said=("NCT04539938", "combination of tucatinib with ADCs")),
    "a trial asked by its identifier brings its table row": Case(
        ("tell me about NCT04538742",), said=("DESTINY-Breast 07", "immune checkpoint")),
    "a yes/no answered by a claim the summary restates quotes both wordings": Case(
        ("can her2 positive metastatic breast cancer be cured",), said=("nearly incurable", "almost an incurable")),
    "'everyone' asked of a treatment is the review's subset of patients it helps": Case(
        ("is immunotherapy helping everyone with her2 positive cancer",), said=("more selected subgroup",)),
    "a sentence defining a score through 'its' brings the sentence naming what it is": Case(
        ("what's 3+ on ihc exactly",), said=("According to immunohistochemical (IHC) evaluation", "more than 30%")),
}


ROUND_50B_CASES = {
    "a compared aspect typed as a code meets the review's numbered code ('egfr' / 'EGFR1') on each side": Case(
        ("lapatinib vs tucatinib - egfr and cns",), intent="compare", said=("(EGFR1)", "minimal inhibition of EGFR")),
    "a plural and what was done to its members asks for the members": Case(
        ("checkpoints upregulated by the adcs",), said=("CTLA-4, PD-1, and PD-L1",)),
    "an enumeration the second stage ranks high competes in a list's pool": Case(
        ("mutation biomarkers being validated in bc",), said=("ESR1, PARP, BRCA",)),
    "a dose typed in a yes/no about a drug whose dose the review never gives is declined": Case(
        ("tukysa - is it 300 mg twice a day?",), abstained=True, said=("does not report a dose",)),
    "how much longer people lived asks overall survival, which the review gives DESTINY-Breast04 no figure for": Case(
        ("how much longer did patients live with enhertu in destiny-breast04",), abstained=True,
        said=("overall survival figures",)),
    "a cut-off asked of a marker the review gives none for is declined": Case(
        ("whats the pd-l1 cut off in kate2",), abstained=True, said=("a cut-off",)),
    "drugs against a target the review names none for: what it says of blocking it": Case(
        ("any drugs against axl?",), said=("names no drug against", "AXL inhibition can overcome resistance")),
    "'is there a drug for it' after a target asks for its drugs": Case(
        ("whats axl", "so is there a drug for it"), said=("AXL inhibition can overcome resistance",)),
}


ROUND_51_CASES = {
    "names set aside before a second sentence ('…besides adcs and tkis? what are they exploring') are not asked": Case(
        ("other newer approaches besides adcs and tkis? what are they exploring",), said=("bispecific antibodies, CAR-T",)),
    "names set aside before a preposition are not asked either": Case(
        ("newer approaches beyond adcs and tkis in the future directions part",), said=("bispecific antibodies",)),
    "a phrase 'non-' negates is not the review's phrase ('non-standard' is no standard of care)": Case(
        ("other non-standard approaches being explored? just list",), said=("bispecific antibodies",),
        unsaid=("no standard of care",)),
    "a section title typed with a hyphen names the section ('the future-directions section')": Case(
        ("which novel approaches does the future-directions section list?",), said=("Diverse Approaches",),
        unsaid=("Novel Antibody-Drug Conjugates",)),
    "what is coming next for the field is the research the review says it is centred on": Case(
        ("whats coming next for her2 therapy",), said=("bispecific antibodies",)),
    "a property named by its -genic that the review never uses is declined": Case(
        ("is enhertu immunogenic",), abstained=True, said=("does not mention immunogenic",)),
    "an endpoint's figure asked as its 'actual months' needs a figure, not the words that it improved": Case(
        ("the actual pfs months in destiny-breast04?",), abstained=True,
        said=("gives no figures for PFS", "significantly improved PFS and OS")),
    "a topic asked of a drug, said only of another drug's trial, is declined for the drug asked": Case(
        ("ild rate with kadcyla",), abstained=True, said=("does not say this of kadcyla",)),
    "a regimen asked is its drugs together: a topic said of none of them is declined": Case(
        ("any qol data for the tucatinib capecitabine herceptin triplet?",), abstained=True,
        said=("does not say this of tucatinib",)),
    "of a name and a topic, the sentence saying both answers first": Case(
        ("quality of life with kadcyla?",), abstained=False, said=("improved quality of life",)),
    "'that' set against a name the turn gives is the subject before; a later 'it' stays that subject": Case(
        ("what is t-dxd made of", "and how is that different from kadcyla", "was it tested in her2-low?"),
        read=("T-DXd",), said=("DESTINY-breast04",)),
    "a place told after 'what about', then 'there', is where the question asks": Case(
        ("what about her2-low patients, was enhertu tested there?",), said=("DESTINY-breast04",)),
    "drugs 'being tried against' a target are the drugs its section calls inhibitors": Case(
        ("which drugs are being tried against PI3K",), said=("everolimus", "ipatasertib", "apitolisib")),
    "'any drugs tested clinically against X' asks which drugs": Case(
        ("any drugs tested clinically against pi3k?",), intent="list", said=("everolimus",)),
    "a list's one sentence that adds 'other' pathways brings the sentence naming the first": Case(
        ("what downstream pathways does AXL switch on",), said=("bypass the HER2 signaling pathway", "PI3K/AKT")),
    "two terms asked to be 'the same thing' are each defined": Case(
        ("her2-low vs her2 heterogeneous, same thing?",), said=("IHC score of 1+ or 2+", "different areas of the same tumor")),
    "'outperformed' is what the review says one drug did to the other's efficacy": Case(
        ("did enhertu outperform kadcyla?",), said=("enhanced the efficacy of trastuzumab emtansine",)),
    "'<topic> - which trial?' asks the trial of the topic": Case(
        ("enhertu in her2 low - which trial?",), said=("DESTINY-breast04",)),
    "a regulator the review never names is declined": Case(
        ("when did the ema approve kadcyla",), abstained=True, said=("does not mention ema",)),
    "'name them' after a kind asks for its members": Case(
        ("src inhibitors name them",), intent="list", said=("dasatinib", "saracatinib")),
    "what an abbreviation stands for is where the review spells it out": Case(
        ("what does adc stand for",), said=("antibody–drug conjugates (ADCs)",)),
    "a property or its opposite said of another drug only is not said of the one asked": Case(
        ("is lapatinib reversible or irreversible",), abstained=True, said=("does not say this of lapatinib",)),
    "two markers' mechanisms set side by side: how each brings it about, not that each is one": Case(
        ("axl vs src mechanisms of resistance",), intent="compare",
        said=("bypass the HER2 signaling pathway", "Src can activate other signaling pathways")),
    "what an author called something is their study's classification, with what it went on to find": Case(
        ("what did metzger call a heterogeneous tumour",), said=("classified as heterogeneous", "pathological complete")),
    "what comes next for an approach after a trial is the trial carrying it on": Case(
        ("PATRICIA trial with ibrance - what was it", "so whats next for that approach?"), said=("PATRICIA-II",)),
}


ROUND_52_CASES = {
    "a name and the review's whole scope after it ('… for her2+ mbc?') asks the name's overview": Case(
        ("neratinib for her2+ mbc?",), intent="overview", said=("NALA",)),
    "a follow-up giving only a new name asks the same overview of it": Case(
        ("abemaciclib in her2 positive breast cancer", "and palbo?"), said=("71 patients",)),
    "'<marker> - mechanism of resistance?' asks how the marker brings resistance about": Case(
        ("cyclin d1 - mechanism of resistance?",), intent="why", said=("activate CDK4 and CDK6",)),
    "'<marker> resistance mechanism?' asks the same": Case(
        ("axl resistance mechanism?",), intent="why", said=("bypass the HER2 signaling pathway",)),
    "members found by an author, then where they were found, are listed": Case(
        ("her2 mutations reported by bose without gene amplification",), intent="list", said=("V777L", "D769H")),
    "members 'that <author> found', then where, are listed too": Case(
        ("the mutations that bose found without gene amplification?",), intent="list", said=("S310F", "L755P")),
    "a dosing interval in shorthand is the review's 'every three weeks'": Case(
        ("enhertu q3w in destiny-breast04?",), abstained=False, said=("5.4 mg/kg every three weeks",)),
    "'it' for an aspect of the drug asked before keeps that drug the subject, not the one set against it": Case(
        ("what payload does enhertu carry", "how does it differ from kadcyla's", "ild risk with it?"),
        unread=("kadcyla",), said=("13.6%",)),
    "'the phase 2 one' after several table rows is the one row of that phase alone": Case(
        ("which tdxd trials in table 2 combine it with tucatinib", "primary endpoint of the phase 2 one?"),
        read=("HER2CLIMB-04",), unread=("DESTINY-Breast 07",)),
    "'the phase 1 one' picks the other row the same way": Case(
        ("which tdxd trials in table 2 combine it with tucatinib", "what arms are in the phase 1 one?"),
        read=("DESTINY-Breast 08",)),
    "a trial's property asked of no name after several rows is asked of each row": Case(
        ("any trials of tucatinib with enhertu?", "what phase and primary endpoint"),
        read=("HER2CLIMB-04", "DESTINY-Breast 07")),
    "whether a treatment is 'any use' in a group is whether it benefits it": Case(
        ("palbo + herceptin any use in hr negative pts?",), said=("only benefits patients with HR-positive disease",)),
    "two terms typed around 'vs' before 'as resistance mechanisms' are each explained": Case(
        ("p95 vs her2 mutations as resistance mechanisms",), intent="compare", said=("truncated form", "L755S")),
}

ROUND_53_CASES = {
    "a drug 'in later lines' is asked of the review's third line, after at least two anti-HER2 lines": Case(
        ("kadcyla in later lines?",), said=("TH3RESA",)),
    "members typed as a plural 'linked to' something are listed": Case(
        ("her2 mutations associated with resistance without amplification?",), intent="list", said=("L755P", "D769H")),
    "drugs 'linked to' a side effect are no list of members": Case(
        ("drugs linked to ild?",), intent="fact"),
    "'what kind of trial is that' after a topic asks the name the turn gives, without the last topic": Case(
        ("what does the review say about liquid biopsy", "plasma-match - what sort of trial is that"),
        unread=("liquid biopsy",), said=("phase II clinical trial",)),
    "'and what was <name>?' after a topic defines the name alone": Case(
        ("what's a liquid biopsy", "and what is plasma-match?"), unread=("(liquid biopsy)",), intent="definition"),
    "what a defined trial found, told by 'These results…' after a quoted sentence, comes with it": Case(
        ("what's plasma-match",), said=("selection of a specific targeted treatment",)),
    "a trial asked 'with' one drug after a drug's combination was asked is a trial of the two": Case(
        ("can tucatinib be combined with an adc", "any trial w enhertu specifically?"),
        read=("tucatinib",), said=("HER2CLIMB-04",)),
    "an endpoint asked in a population after a drug's trials is the drug's, not a definition of the population": Case(
        ("trastuzumab duocarmazine - what trials?", "what's the orr in her2-low"), read=("trastuzumab duocarmazine",),
        said=("28% to 40%",)),
    "an endpoint asked of 'its' in a population is the drug's, not the first trial the last answer named": Case(
        ("whats SYD985", "which payload does it carry?", "and its orr in her2-low?"), unread=("TULIP",),
        said=("28% to 40%",)),
    "a trial typed with its arms, then 'what did it find', asks the trial's overview": Case(
        ("destiny-breast03 t-dxd vs t-dm1, what did it show?",), intent="overview",
        said=("first phase III trial to compare the efficacy of two ADCs", "13.6%")),
    "the arms of a trial typed after its short name are no two drugs to compare": Case(
        ("nala nerlynx vs tykerb - how did it go?",), intent="overview", said=("no differences in OS",)),
    "'<kind> names?' asks for the members' names": Case(
        ("src drugs names?",), intent="list", said=("dasatinib", "saracatinib")),
    "a plural 'that go up' after something lists the members upregulated": Case(
        ("which immune checkpoints go up after adc treatment?",), intent="list", said=("CTLA-4", "PD-L1")),
    "'<term> - what does that mean?' defines the term": Case(
        ("targeted protein degradation - what does that mean",), intent="definition", said=("molecular glues",)),
    "a topic typed first, then 'how does it cause resistance', is a why-question": Case(
        ("cyclin d1 how does it cause resistance",), intent="why"),
    "'<marker> mechanism of <drug> resistance' asks how the marker brings it about": Case(
        ("axl mechanism of trastuzumab resistance",), intent="why", said=("bypass the HER2 signaling pathway",)),
    "what a question sets aside before 'with <drug>' leaves the drug asked of": Case(
        ("serious side effects other than ild with t-dxd?",), abstained=False, said=("gastrointestinal and hematological",)),
    "'anything else … apart from X' after a topic asks the topic's others, in the same subject": Case(
        ("enhertu side effects?", "anything else serious apart from the lung one?"), unread=("besides enhertu",),
        said=("gastrointestinal and hematological",)),
    "'the severe ones' are the plural the last turn asked of": Case(
        ("side effects of tucatinib?", "were the serious ones frequent?"), read=("side effects",)),
    "'what about <condition>, were they in that trial' asks of patients with it, in the trial carried on": Case(
        ("her2climb pfs?", "what about brain mets, were they in that trial?"), read=("patients with brain", "HER2CLIMB"),
        said=("approximately 45%",)),
    "what is used after the first line is the review's second line": Case(
        ("what's given after 1st line?",), said=("second-line",)),
    "'and after that what do they use' after a line's standard asks the next line's": Case(
        ("standard first line for her2+ mbc?", "after that, what do they give?"), read=("second-line",)),
    "'when was that' after an event asked reads the event the last question asked, not its answer's rare words": Case(
        ("when did kadcyla first get approved?", "which year was that"), read=("kadcyla",), said=("2013",)),
    "'how does that work' after a marker and resistance asks how the marker brings it about": Case(
        ("met aberrations and resistance?", "how does that work"), read=("met aberrations",), intent="why",
        said=("hyperactivation of the MET signaling pathway",)),
}


ROUND_54_CASES = {
    "a measure asked in a population alone comes from the passage giving it there, however low fusion ranks it": Case(
        ("what is the orr in her2-low",), said=("28% to 40%",)),
    "'whats' opens a question asking a figure as 'what is' does": Case(
        ("whats the orr in her2-low?",), said=("28% to 40%",)),
    "a count typed before its noun is an amount, not a name the review lacks, and picks the sentence printing it": Case(
        ("which paper is cited for the destiny-breast03 84-patient data",), abstained=False, said=("reference 45",)),
    "two regimens 'vs' and told as trials, then 'which one', compare the two regimens' trials": Case(
        ("lapatinib + capecitabine vs lapatinib + trastuzumab trials, which one improved os",), intent="compare",
        said=("14 months vs. 9.5 months", "no statistical differences were observed in OS")),
    "a table row described after a dash, past a negation before it, is the row asked": Case(
        ("which adc in table 1 has no cytotoxic payload - the tlr agonist one",), intent="table",
        said=("BDC-1001",), unsaid=("ARX788",)),
    "a negation still reaches the words it governs": Case(
        ("which adcs in table 1 dont carry a microtubule inhibitor",), intent="table",
        said=("BDC-1001",), unsaid=("ARX788",)),
    "which of two regimens did better, said without a figure after the sentence setting them side by side": Case(
        ("apitolisib + herceptin vs apitolisib + kadcyla, which was better?",), intent="compare",
        said=("superior efficacy",)),
    "one drug 'with A or with B', then which combination, sets the two combinations side by side": Case(
        ("apitolisib with herceptin or with kadcyla - which pairing was more effective?",), intent="compare",
        said=("superior efficacy",), unsaid=("KATHERINE", "invasive DFS")),
    "how often, asked after two terms set side by side, is asked of each": Case(
        ("tumour heterogeneity within one tumor vs change between primary and metastasis - how common",),
        intent="compare",
        said=("16–36%", "9–60%")),
    "'that drug' after an answer is the drug of the point answering it, not of the sentence it leans on": Case(
        ("what would you give after kadcyla fails", "which trial got that drug approved"), read=("T-DXd",),
        unread=("pertuzumab",)),
    "one side told on what the other side's sentence sets them apart by": Case(
        ("tucatinib vs lapatinib kinase selectivity and cns penetration",), intent="compare",
        said=("minimal inhibition of EGFR", "epidermal growth factor receptor type 1")),
}


ROUND_54B_CASES = {
    "'how much <harm> do pts get on <drug>' asks how often, not a dose of the harm": Case(
        ("how much ild do patients get on enhertu",), unread=("dose",), said=("13.6%",)),
    "'how much <drug> does she take' still asks the drug's dose": Case(
        ("how much t-dxd do patients get",), read=("dose",), said=("5.4 mg/kg",)),
    "which trial got a drug approved is told by a finding that follows the trial's name closely": Case(
        ("which trial got enhertu approved?",), said=("DESTINY-Breast01, a phase II", "accelerated approval of T-DXd")),
    "a regimen's endpoint asked 'over <drug> alone' is the trials' where the two arms meet, each trial's figure": Case(
        ("tykerb + xeloda improve os over xeloda alone?",), said=("75.0 weeks", "no statistical differences")),
    "a study's verdict comes with the figure the next sentence adds to it": Case(
        ("palbo + trastuzumab any use in hr negative pts?",),
        said=("only benefits patients with HR-positive disease", "10.6 months vs. 4.2 months")),
    "the one rarely named drug asked is what the answer is about, not another drug saying the rest": Case(
        ("ibrance + herceptin worth it in hr-negative her2+?",),
        said=("only benefits patients with HR-positive disease",), unsaid=("everolimus",)),
    "an approval asked in a line it was not given in comes with the drug's ongoing trials in that line": Case(
        ("is t-dxd approved in the first line?",), said=("two or more prior", "DESTINY-Breast 09")),
    "an approval the review tells in the line asked needs no trials beside it": Case(
        ("is kadcyla approved 2nd line?",), said=("second and third-line",), unsaid=("Trial Name",)),
    "'that one' after a run of points ('In that study …', 'These results …') is the trial the run opens with": Case(
        ("what is enhertu", "which trial got it approved the first time", "and what was the response rate in that one"),
        read=("DESTINY-Breast01",), said=("60.9%",)),
    "'which trial …' asked in the turn's own words after a topic is not put in the trial the last answer named": Case(
        ("liquid biopsy for her2 resistance", "which trial used ngs on plasma to pick targeted tx?"),
        unread=("in PLASMA-MATCH",), said=("PLASMA-MATCH study is a phase II",)),
    "a trial's name typed before 'what were the numbers' asks its results": Case(
        ("katherine what were the numbers?",), intent="overview", said=("88.3% vs. 77%",)),
    "'how many of them died' after a harm's rate is answered by the sentence above saying it was fatal": Case(
        ("what % got ild on t-dxd, and how many of them died?",), said=("2.2%",), unsaid=("does not report deaths",)),
}


CASES = {**ROUND_33_CASES, **ROUND_34_CASES, **ROUND_35_CASES, **ROUND_36_CASES, **ROUND_37_CASES, **ROUND_38_CASES,
         **ROUND_39_CASES, **ROUND_40_CASES, **ROUND_41_CASES, **ROUND_42_CASES, **ROUND_43_CASES, **ROUND_44_CASES,
         **ROUND_45_CASES, **ROUND_46_CASES, **ROUND_47_CASES, **ROUND_47B_CASES,
         **ROUND_47C_CASES, **ROUND_48_CASES, **ROUND_48B_CASES, **ROUND_49_CASES, **ROUND_49B_CASES,
         **ROUND_50_CASES, **ROUND_50B_CASES, **ROUND_51_CASES, **ROUND_52_CASES, **ROUND_53_CASES, **ROUND_54_CASES,
         **ROUND_54B_CASES}


def test_a_plus_sign_lists_drugs_it_does_not_join_them(assistant):
    """'tucatinib + trastuzumab' is two drugs, though the review prints 'tucatinib, trastuzumab' as a run of words."""
    assert assistant.analyzer.analyze("tucatinib + trastuzumab results?").entities == ["tucatinib", "trastuzumab"]


@pytest.mark.parametrize("name", list(CASES))
def test_reading_and_answer(converse, name):
    case = CASES[name]
    answer = converse(*case.turns)
    shown = f"read as: {answer.resolved_question}\n{answer.answer}"
    assert all(text in answer.answer for text in case.said), shown
    assert not any(text in answer.answer for text in case.unsaid), shown
    assert all(text in answer.resolved_question for text in case.read), shown
    assert not any(text in answer.resolved_question for text in case.unread), shown
    assert case.abstained is None or answer.abstained == case.abstained, shown
    assert not case.intent or answer.intent == case.intent, shown


def test_a_kind_the_review_does_not_name_is_said_without_the_words_asking_for_it(assistant):
    answer = assistant.ask("are there any drugs aimed at AXL mentioned?")
    assert answer.abstained and "does not report the name of the drugs" in answer.answer, answer.answer


def test_an_arm_asked_beside_another_is_given_by_the_figure_after_vs():
    """"neratinib improved ORR (32.8% vs. 26.7%)" gives the lapatinib arm its ORR when both arms are asked; asked
    alone, the lapatinib arm's figure is not named as its own."""
    from her2qa.answering.coverage import arm_gap

    said = ["Moreover, neratinib improved ORR (32.8% vs. 26.7%; p = 0.12) and median response duration (8.5 vs. 5.6 months)."]
    arms = {"nerlynx": ["nerlynx", "neratinib"], "tykerb": ["tykerb", "lapatinib"]}
    assert arm_gap("orr nerlynx arm vs tykerb arm in nala?", said, arms) == ""
    assert arm_gap("orr of the tykerb arm in nala?", said, {"tykerb": arms["tykerb"]}) == "the ORR of the tykerb arm"
