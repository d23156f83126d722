"""Reading cases: one with its timeline, or a filtered page of them."""

from dataclasses import dataclass
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from cases.domain import Case
from cases.storage import cases, timeline
from cases.storage.cases import CaseFilter
from district_shared.http.pagination import Page, PageParams
from district_shared.http.problems import NotFound


@dataclass(frozen=True)
class CaseView:
    """A case and every change it went through."""

    case: Case
    timeline: list[timeline.Entry]


async def find_case(session: AsyncSession, case_id: UUID) -> Case:
    """The case as it is now; 404 when there is none."""
    case = await cases.get(session, case_id)
    if case is None:
        raise NotFound("case", case_id)
    return case


async def view_case(session: AsyncSession, case_id: UUID) -> CaseView:
    """The case with its timeline; 404 when there is none."""
    return CaseView(await find_case(session, case_id), await timeline.of_case(session, case_id))


async def list_cases(session: AsyncSession, where: CaseFilter, params: PageParams) -> Page[Case]:
    return await cases.page(session, where, params)
