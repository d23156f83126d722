"""A small service-shaped app on the shared HTTP conventions, over a real table on either database."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import Depends, FastAPI, Query, Response, Security
from pydantic import BaseModel, Field
from sqlalchemy import Column, Integer, Row, String, Table, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.clock import Clock
from district_shared.db import UtcDateTime, create_engine, new_metadata, session_factory
from district_shared.http import (
    Idempotency,
    IdempotencyKey,
    Keyset,
    NotFound,
    Page,
    PageParams,
    Principal,
    StoredResponse,
    Timestamp,
    install_problem_handlers,
    paginate,
    principal_dependency,
)
from district_shared.platform_tables import add_platform_tables

metadata = new_metadata()
add_platform_tables(metadata)
things = Table(
    "things",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    # Unique, so a twin that ran its effect would fail here instead of replaying.
    Column("name", String(100), nullable=False, unique=True),
    Column("kind", String(20), nullable=False),
    Column("seen_at", UtcDateTime, nullable=False),
)


class Tag(BaseModel):
    label: str = Field(min_length=1)


class ThingIn(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    kind: str = "plain"
    seen_at: Timestamp
    tags: list[Tag] = []


class ThingOut(BaseModel):
    id: int
    name: str
    kind: str
    seen_at: Timestamp


class ThingQuery(PageParams):
    kind: str | None = None


def _thing(row: Row[object]) -> ThingOut:
    return ThingOut.model_validate(row._mapping)


def create_app(database_url: str, clock: Clock, effect_delay: float = 0.0) -> FastAPI:
    """The app; `effect_delay` holds each create between its key claim and its commit (race tests)."""
    engine = create_engine(database_url)
    sessions = session_factory(engine)
    current_principal = principal_dependency(None, None)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        async with engine.begin() as connection:
            await connection.run_sync(metadata.create_all)
        yield
        await engine.dispose()

    async def session() -> AsyncIterator[AsyncSession]:
        async with sessions() as s:
            yield s

    Session = Annotated[AsyncSession, Depends(session)]
    app = FastAPI(lifespan=lifespan)
    install_problem_handlers(app)

    @app.get("/things")
    async def list_things(query: Annotated[ThingQuery, Query()], db: Session) -> Page[ThingOut]:
        statement = select(things)
        if query.kind is not None:
            statement = statement.where(things.c.kind == query.kind)
        return await paginate(db, statement, Keyset((things.c.seen_at, things.c.id)), query, _thing)

    @app.get("/things/newest-first")
    async def newest_first(query: Annotated[PageParams, Query()], db: Session) -> Page[ThingOut]:
        keyset = Keyset((things.c.seen_at, things.c.id), descending=True)
        return await paginate(db, select(things), keyset, query, _thing)

    @app.get("/things/{thing_id}")
    async def read_thing(thing_id: int, db: Session) -> ThingOut:
        row = (await db.execute(select(things).where(things.c.id == thing_id))).one_or_none()
        if row is None:
            raise NotFound("thing", thing_id)
        return _thing(row)

    @app.post("/things", status_code=201, response_model=ThingOut)
    async def create_thing(
        body: ThingIn,
        key: IdempotencyKey,
        who: Annotated[Principal, Security(current_principal, scopes=["registry:write"])],
        db: Session,
    ) -> Response:
        once = Idempotency(who.subject, key, clock.now())
        if (replay := await once.replay(db)) is not None:
            return replay
        values = body.model_dump(exclude={"tags"})
        thing_id = (await db.execute(insert(things).values(**values).returning(things.c.id))).scalar_one()
        await asyncio.sleep(effect_delay)
        created = StoredResponse.created(ThingOut(id=thing_id, **values), f"/things/{thing_id}")
        response = await once.respond(db, created)
        await db.commit()
        return response

    return app


async def count_things(database_url: str) -> int:
    """Rows in `things`, read apart from the app."""
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            return len((await connection.execute(select(things.c.id))).all())
    finally:
        await engine.dispose()


def at(minute: int) -> datetime:
    """An instant on the test day, `minute` minutes after 09:00 UTC."""
    return datetime(2026, 3, 2, 9, 0, tzinfo=UTC) + timedelta(minutes=minute)
