"""`Idempotency-Key` on creating POSTs (DESIGN §4): a repeat gets the stored response, never a second effect.

The key's row is written in the transaction of the effect itself, so either both commit or neither
does. The row is *claimed* as the transaction's first write and filled in once the response is known:
that way two concurrent twins race on the key's primary key before either runs its effect, and the
loser rolls back and answers what the winner stored (instead of, say, tripping over the winner's
unique credit code and answering 409).
"""

import hashlib
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Annotated

from fastapi import Depends, Header, Request, Response
from pydantic import BaseModel
from sqlalchemy import ColumnElement, and_, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from district_shared.http.problems import Conflict, Invalid
from district_shared.platform_tables import idempotency_keys as _keys

IDEMPOTENCY_HEADER = "Idempotency-Key"
RETENTION = timedelta(hours=24)


@dataclass(frozen=True)
class StoredResponse:
    """What a create answered: replayed byte for byte to a repeat."""

    status_code: int
    body: str
    location: str | None = None

    @classmethod
    def created(cls, resource: BaseModel, location: str) -> "StoredResponse":
        """201 with the full resource and its `Location`."""
        return cls(201, resource.model_dump_json(), location)

    def to_response(self) -> Response:
        headers = {"Location": self.location} if self.location else None
        return Response(self.body, self.status_code, headers, media_type="application/json")


def request_hash(method: str, path: str, body: bytes) -> str:
    """SHA-256 of method, path and the canonical JSON body (key order and spacing do not count)."""
    try:
        canonical = json.dumps(json.loads(body), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    except ValueError:  # not JSON: validation will refuse it, the raw bytes identify it meanwhile
        canonical = body.decode("utf-8", "replace")
    return hashlib.sha256(f"{method} {path}\n{canonical}".encode()).hexdigest()


def _row(principal: str, key: str) -> ColumnElement[bool]:
    return and_(_keys.c.principal == principal, _keys.c.key == key)


async def lookup(
    session: AsyncSession, principal: str, key: str, request_hash: str, now: datetime
) -> StoredResponse | None:
    """The live stored response for this key; 422 when the key came with a different request."""
    live = _row(principal, key) & (_keys.c.expires_at > now)
    row = (await session.execute(select(_keys).where(live))).one_or_none()
    if row is None:
        return None
    if row.request_hash != request_hash:
        raise Invalid.at(IDEMPOTENCY_HEADER, "already used with a different request")
    return StoredResponse(row.status_code, row.body, row.location)


async def claim(session: AsyncSession, principal: str, key: str, request_hash: str, now: datetime) -> None:
    """Hold the key for this transaction (replacing an expired row); `IntegrityError` if a twin holds it."""
    await session.execute(delete(_keys).where(_row(principal, key) & (_keys.c.expires_at <= now)))
    # A placeholder nobody else can see: `remember` fills it in before the one commit.
    placeholder = {"status_code": 0, "body": "", "location": None}
    values = {"principal": principal, "key": key, "request_hash": request_hash, **placeholder}
    await session.execute(insert(_keys).values(**values, expires_at=now + RETENTION))


async def remember(session: AsyncSession, principal: str, key: str, response: StoredResponse) -> None:
    """Store the response on the claimed key, in the caller's transaction."""
    stored = {"status_code": response.status_code, "body": response.body, "location": response.location}
    await session.execute(update(_keys).where(_row(principal, key)).values(**stored))


async def purge_expired(session: AsyncSession, now: datetime) -> None:
    """Delete keys past their 24 h (a timer's job; `lookup` ignores them anyway)."""
    await session.execute(delete(_keys).where(_keys.c.expires_at <= now))


@dataclass(frozen=True)
class IdempotentRequest:
    """The key a client sent and the hash of the request it came with."""

    key: str
    request_hash: str


async def idempotent_request(
    request: Request,
    key: Annotated[str | None, Header(alias=IDEMPOTENCY_HEADER, min_length=1, max_length=200)] = None,
) -> IdempotentRequest | None:
    """Dependency: the request's `Idempotency-Key`, if it sent one."""
    if key is None:
        return None
    return IdempotentRequest(key, request_hash(request.method, request.url.path, await request.body()))


IdempotencyKey = Annotated[IdempotentRequest | None, Depends(idempotent_request)]


@dataclass(frozen=True)
class Idempotency:
    """One create request: replay a repeat, or hold the key and store the response with the effect."""

    principal: str
    request: IdempotentRequest | None
    now: datetime

    async def replay(self, session: AsyncSession) -> Response | None:
        """The stored response of a repeat, else None with the key held; call before any other write."""
        if self.request is None:
            return None
        key, hashed = self.request.key, self.request.request_hash
        stored = await lookup(session, self.principal, key, hashed, self.now)
        if stored is None:
            try:
                await claim(session, self.principal, key, hashed, self.now)
                return None
            except IntegrityError:
                # A twin committed this key first: undo, and answer what it answered.
                await session.rollback()
                stored = await lookup(session, self.principal, key, hashed, self.now)
        if stored is None:
            raise Conflict("a concurrent request with this key did not finish: retry", IDEMPOTENCY_HEADER)
        return stored.to_response()

    async def respond(self, session: AsyncSession, response: StoredResponse) -> Response:
        """Store `response` with the effect (the caller then commits once) and return it."""
        if self.request is not None:
            await remember(session, self.principal, self.request.key, response)
        return response.to_response()


Effect = Callable[[AsyncSession], Awaitable[StoredResponse]]


async def run_once(
    sessions: async_sessionmaker[AsyncSession],
    subject: str,
    key: IdempotentRequest | None,
    now: datetime,
    effect: Effect,
) -> Response:
    """Run a create's `effect` and store its answer under the key in one commit; a repeat replays it."""
    once = Idempotency(subject, key, now)
    # A plain session, not `begin()`: a twin's replay rolls back and reads on in the same session.
    async with sessions() as session:
        replayed = await once.replay(session)
        if replayed is not None:
            return replayed
        response = await once.respond(session, await effect(session))
        await session.commit()
        return response
