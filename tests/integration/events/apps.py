"""Two small test services on the shared library: `notes` publishes through its outbox, `tally` consumes."""

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import ClassVar

from aiokafka.admin import NewTopic
from fastapi import APIRouter, FastAPI, Request
from pydantic import BaseModel
from sqlalchemy import Column, Integer, MetaData, String, Table, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from district_shared.consumer import PermanentError
from district_shared.contracts import Envelope, Event
from district_shared.db import create_engine
from district_shared.outbox import add_event
from district_shared.platform_tables import add_platform_tables
from district_shared.service import Runtime, ServiceSpec, build_runtime, create_service_app, running
from district_shared.settings import ServiceSettings
from district_shared.topics import admin_client, dlq

NOTES_TOPIC = "notes.notes.v1"


class NoteAddedV1(Event):
    ce_type: ClassVar[str] = "district.notes.note.added.v1"
    topic: ClassVar[str] = NOTES_TOPIC
    key_field: ClassVar[str] = "note_id"

    note_id: uuid.UUID
    text: str


metadata = MetaData()
add_platform_tables(metadata)
notes = Table("notes", metadata, Column("id", String(36), primary_key=True), Column("text", String(200)))
tallies = Table(
    "tallies",
    metadata,
    Column("note_id", String(36), primary_key=True),
    Column("times", Integer, nullable=False),
)


class NoteIn(BaseModel):
    text: str


class NoteOut(BaseModel):
    id: uuid.UUID
    text: str


def notes_routes(runtime: Runtime) -> APIRouter:
    router = APIRouter()

    @router.post("/notes", status_code=201)
    async def add_note(body: NoteIn, request: Request) -> NoteOut:
        note = NoteOut(id=uuid.uuid4(), text=body.text)
        async with runtime.sessions.begin() as session:
            await session.execute(notes.insert().values(id=str(note.id), text=note.text))
            await add_event(session, NoteAddedV1(note_id=note.id, text=note.text), now=runtime.clock.now())
        return note

    return router


async def count_note(session: AsyncSession, event: NoteAddedV1, _envelope: Envelope) -> None:
    """The consumer's effect: how many times each note was applied (must end at exactly one)."""
    if event.text == "poison":
        raise PermanentError(f"note {event.note_id} can never be counted")
    found = await session.execute(select(tallies.c.times).where(tallies.c.note_id == str(event.note_id)))
    if found.scalar_one_or_none() is None:
        await session.execute(tallies.insert().values(note_id=str(event.note_id), times=1))
    else:
        await session.execute(
            update(tallies).where(tallies.c.note_id == str(event.note_id)).values(times=tallies.c.times + 1)
        )


def settings(database_url: str, bootstrap: str) -> ServiceSettings:
    return ServiceSettings(database_url=database_url, kafka_bootstrap_servers=bootstrap, environment="test")


# Test services create their tables from metadata (create_schema); they have no migrations.
NOTES = ServiceSpec("notes", ServiceSettings, migrations=Path(), produces=(NOTES_TOPIC,))
TALLY = ServiceSpec("tally", ServiceSettings, migrations=Path(), consumes=(NOTES_TOPIC,))


def notes_app(runtime: Runtime) -> FastAPI:
    return create_service_app(runtime, [notes_routes(runtime)])


def tally_runtime(database_url: str, bootstrap: str, group: str | None = None) -> Runtime:
    runtime = build_runtime(TALLY, settings(database_url, bootstrap))
    runtime.consume(NOTES_TOPIC, {NoteAddedV1: count_note}, group=group or f"tally-{uuid.uuid4().hex[:8]}")
    return runtime


@asynccontextmanager
async def consuming(runtime: Runtime) -> AsyncIterator[Runtime]:
    async with running(runtime):
        yield runtime


async def create_schema(database_url: str) -> None:
    engine = create_engine(database_url)
    async with engine.begin() as connection:
        await connection.run_sync(metadata.create_all)
    await engine.dispose()


async def times_applied(runtime: Runtime, note_id: str) -> int | None:
    async with runtime.sessions() as session:
        found = await session.execute(select(tallies.c.times).where(tallies.c.note_id == note_id))
        return found.scalar_one_or_none()


async def create_topics(bootstrap: str) -> None:
    admin = admin_client(bootstrap)
    await admin.start()
    try:
        present = set(await admin.list_topics())
        wanted = [NewTopic(name, 1, 1) for name in (NOTES_TOPIC, dlq(NOTES_TOPIC)) if name not in present]
        if wanted:
            await admin.create_topics(wanted)
    finally:
        await admin.close()
