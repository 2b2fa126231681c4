"""The assistant's suggestion and the completeness score, worked out from recorded facts and
with the hint words found in one pass (issue 22), equal the computation before it
(tests/core/domain/old_assessment.py) on generated initiatives, including texts where hint
words overlap, repeat or change length when case-folded."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_desktop.domain import model as d
from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.assessment import completeness
from coprod_desktop.domain.classification import (
    _TEXT_HINTS,
    facts_of,
    hint_counts,
    pre_answer,
    suggest,
    suggested_from,
)
from tests.core.domain.old_assessment import (
    old_completeness,
    old_pre_answer,
    old_suggest,
)

HINT_WORDS = sorted({word for words in _TEXT_HINTS.values() for word in words})
# pieces that make hint words overlap or run into each other ("partnershipartnership",
# "jobruger", "local councilocal council"), upper case and letters that case-fold longer
PIECES = [
    *HINT_WORDS,
    *(word.upper() for word in HINT_WORDS[:8]),
    "partnershipartnership",
    "jo",
    "b",
    "ruger",
    "local councilocal council",
    "ocal council",
    "ß",
    "İ",
    "Å",
    " ",
    "-",
    "\n",
    "Havnen",
    "sammen",
]

texts = st.lists(st.sampled_from(PIECES), max_size=12).map("".join) | st.text(max_size=40)
maybe_text = st.none() | st.just("") | texts
maybe_day = st.none() | st.just(date(2025, 3, 1))


@st.composite
def initiatives(draw: st.DrawFn) -> d.InitiativeData:
    kinds = [*v.StakeholderKind.all_keys(), ""]
    return d.InitiativeData(
        title=draw(texts),
        summary=draw(maybe_text),
        description=draw(maybe_text),
        sector=draw(st.sampled_from(v.Sector.all_keys())),
        status=draw(st.sampled_from(v.Status.all_keys())),
        origin=draw(st.none() | st.sampled_from(v.Origin.all_keys())),
        type=draw(st.none() | st.sampled_from(v.InitiativeType.all_keys())),
        area=draw(maybe_text),
        type_rationale=draw(maybe_text),
        participation_level=draw(st.none() | st.just("collaborate")),
        public_values=draw(st.lists(st.sampled_from(v.PublicValue.all_keys()), max_size=4)),
        frontline_role=draw(st.none() | st.just("") | st.sampled_from(v.FrontlineRole.all_keys())),
        owner=draw(maybe_text),
        responsible_manager=draw(maybe_text),
        start_date=draw(maybe_day),
        next_review=draw(maybe_day),
        involvements=[
            d.InvolvementData(stakeholder_id=n + 1, role=role, stakeholder_kind=kind)
            for n, (role, kind) in enumerate(
                draw(
                    st.lists(
                        st.tuples(
                            st.sampled_from(v.InvolvementRole.all_keys()), st.sampled_from(kinds)
                        ),
                        max_size=7,
                    )
                )
            )
        ],
        resources=[
            d.ResourceData(kind=kind, amount=amount, source_id=source)
            for kind, amount, source in draw(
                st.lists(
                    st.tuples(
                        st.sampled_from(v.ResourceKind.all_keys()),
                        st.sampled_from([0, 0.0, 0.5, 1, 12.25]),
                        st.sampled_from([None, 0, 1, 7]),
                    ),
                    max_size=4,
                )
            )
        ],
        mandates=draw(st.lists(st.just(d.MandateData()), max_size=1)),
        journal=draw(st.lists(st.just(d.JournalData(summary="Møde")), max_size=1)),
        outcomes=draw(st.lists(st.just(d.OutcomeData(indicator="x")), max_size=1)),
        commitments=[
            d.CommitmentData(text="Lovet", status=status, owner=owner, due_on=due)
            for status, owner, due in draw(
                st.lists(
                    st.tuples(
                        st.sampled_from(["open", "in_progress", "done", "cancelled"]),
                        st.sampled_from([None, "", "Mette"]),
                        maybe_day,
                    ),
                    max_size=3,
                )
            )
        ],
    )


@settings(max_examples=400, deadline=None)
@given(initiatives())
def test_the_suggestion_and_completeness_equal_the_computation_before_issue_22(
    record: d.InitiativeData,
) -> None:
    answers = pre_answer(record)
    assert answers == old_pre_answer(record)
    assert suggest(answers) == old_suggest(old_pre_answer(record))
    assert suggested_from(facts_of(record)) == old_suggest(old_pre_answer(record)).primary
    assert completeness(record) == old_completeness(record)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_hint_words_are_counted_as_str_count_counts_them(text: str) -> None:
    folded = text.casefold()
    expected = {kind: sum(folded.count(w) for w in words) for kind, words in _TEXT_HINTS.items()}
    assert hint_counts(folded) == expected


def test_overlapping_hint_words_count_as_str_count_does() -> None:
    # "partnership" overlaps itself: str.count finds 1 in "partnershipartnership", not 2
    assert hint_counts("partnershipartnership")["co_management"] == 1
    # "brugerdrevet" holds "bruger": both count, as before
    assert hint_counts("brugerdrevet")["empowerment"] == 2
    assert hint_counts("jobruger")["empowerment"] == 2  # "job" and "bruger" share a "b"
