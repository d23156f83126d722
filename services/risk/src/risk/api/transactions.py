"""The one transaction of a creating request: its effect shares it with its Idempotency-Key."""

from collections.abc import Awaitable, Callable

from fastapi import Response
from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.http.auth import Principal
from district_shared.http.idempotency import Idempotency, IdempotentRequest, StoredResponse
from district_shared.service import Runtime

Effect = Callable[[AsyncSession], Awaitable[StoredResponse]]


async def create_once(
    runtime: Runtime, who: Principal, key: IdempotentRequest | None, effect: Effect
) -> Response:
    """Run `effect` and store its answer under the key in one commit; a repeat replays the answer."""
    once = Idempotency(who.subject, key, runtime.clock.now())
    # A plain session, not `begin()`: a twin's replay rolls back and reads on in the same session.
    async with runtime.sessions() as session:
        replayed = await once.replay(session)
        if replayed is not None:
            return replayed
        response = await once.respond(session, await effect(session))
        await session.commit()
        return response
