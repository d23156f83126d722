from datetime import UTC, datetime

import pytest
from pydantic import BaseModel, ValidationError

from district_shared.http.timestamps import Timestamp


class Visit(BaseModel):
    at: Timestamp


def test_an_instant_with_an_offset_is_kept_as_utc():
    visit = Visit.model_validate_json('{"at": "2026-03-02T09:00:00+08:00"}')
    assert visit.at == datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
    assert visit.at.tzinfo is not None
    assert visit.at.utcoffset() == UTC.utcoffset(None)


@pytest.mark.parametrize("naive", ["2026-03-02T09:00:00", "2026-03-02"])
def test_an_instant_without_an_offset_is_refused(naive):
    with pytest.raises(ValidationError) as caught:
        Visit.model_validate_json(f'{{"at": "{naive}"}}')
    assert caught.value.errors()[0]["loc"] == ("at",)


def test_an_instant_is_written_in_utc_with_z_whatever_offset_it_came_with():
    assert Visit(at="2026-03-02T09:00:00+08:00").model_dump_json() == '{"at":"2026-03-02T01:00:00Z"}'


def test_the_schema_says_date_time():
    assert Visit.model_json_schema()["properties"]["at"]["format"] == "date-time"
