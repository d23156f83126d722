"""The ratings announced on risk.ratings.v1, one row each, with the ce_id they went out with."""

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from risk.domain import Rerated
from risk.storage.tables import rating_history


async def append(session: AsyncSession, rerated: Rerated, ce_id: str) -> None:
    """Record an announced rating in the caller's transaction."""
    current = rerated.record.current
    assert current is not None, "an announced record is rated"
    previous = rerated.previous_colour
    row = {
        "enterprise_id": rerated.record.enterprise_id,
        "ce_id": ce_id,
        "from_colour": None if previous is None else previous.value,
        "colour": current.colour.value,
        "score": current.rating.score,
        "rating": current.rating.model_dump_json(),
        "cause": current.cause.model_dump_json(),
        "rated_at": current.rated_at,
    }
    # Values as parameters, not in the statement: it is compiled once for every row.
    await session.execute(insert(rating_history), row)
