"""What the committee brief prints of a selection besides the initiatives it describes one
by one: the figures, what the frontline needs from the committee, the promises made to the
public and the initiatives with outcomes. Plain data: `summary_of` works it out from a list of
initiatives (the reference); services/dashboard_figures.committee_summary counts the same
in the database for a selection of any size."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from coprod_desktop.domain import model as d
from coprod_desktop.domain.figures import PortfolioFigures, portfolio_figures

# "We asked, you said, we did": promises made to these parties, at most so many listed each
PUBLIC_COUNTERPARTS = frozenset({"citizen", "volunteer", "association", "civil_society_org"})
PUBLIC_PROMISES_SHOWN = 12
NEEDS_SHOWN = 25  # initiatives named under each of the committee's needs


@dataclass
class Need:
    count: int = 0
    first: list[d.InitiativeData] = field(default_factory=list)  # at most NEEDS_SHOWN


@dataclass
class Promises:
    """Promises to the public: how many kept, still open and dropped, and the first
    PUBLIC_PROMISES_SHOWN kept and open ones (due date first, undated last) with the
    reference of their initiative."""

    kept: int = 0
    still_open: int = 0
    dropped: int = 0
    first_kept: list[tuple[str, d.CommitmentData]] = field(default_factory=list)
    first_open: list[tuple[str, d.CommitmentData]] = field(default_factory=list)


@dataclass
class CommitteeSummary:
    """What the committee brief prints of a selection beyond its first COMMITTEE_LISTED
    initiatives: the figures, the needs, the promises to the public and the initiatives
    with outcomes (what co-production delivered)."""

    total: int
    figures: PortfolioFigures
    needs: dict[str, Need]
    promises: Promises
    with_outcomes: list[d.InitiativeData]

    def initiatives_named(self) -> list[d.InitiativeData]:
        """Every initiative whose texts the brief prints besides those it lists."""
        found = {i.id: i for i in self.with_outcomes}
        for need in self.needs.values():
            found.update((i.id, i) for i in need.first)
        return list(found.values())


def _public(commitment: d.CommitmentData) -> bool:
    return commitment.counterpart_kind in PUBLIC_COUNTERPARTS


def _promise_order(pair: tuple[str, d.CommitmentData]) -> tuple[date, int]:
    return (pair[1].due_on or date.max, pair[1].id or 0)


def summary_of(initiatives: Sequence[d.InitiativeData], today: date) -> CommitteeSummary:
    """The reference: the summary worked out in Python from every initiative of the selection
    (the committee brief of a small selection is made this way)."""
    figures = portfolio_figures(initiatives, today)
    needs = {
        "mandate": [*figures.no_mandate, *figures.unclear_mandate],
        "anchoring": figures.not_anchored,
        "resources": figures.short_of_resources,
    }
    public = [(i.reference or "", c) for i in initiatives for c in i.commitments if _public(c)]
    kept = sorted([p for p in public if p[1].status == "done"], key=_promise_order)
    still = sorted(
        [p for p in public if p[1].status in ("open", "in_progress")], key=_promise_order
    )
    return CommitteeSummary(
        total=len(initiatives),
        figures=figures,
        needs={key: Need(len(items), list(items[:NEEDS_SHOWN])) for key, items in needs.items()},
        promises=Promises(
            len(kept),
            len(still),
            len(public) - len(kept) - len(still),
            kept[:PUBLIC_PROMISES_SHOWN],
            still[:PUBLIC_PROMISES_SHOWN],
        ),
        with_outcomes=[i for i in initiatives if i.outcomes],
    )
