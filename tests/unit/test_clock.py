from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from district_shared.clock import Clock


def test_a_pinned_clock_reports_the_pinned_instant_in_utc():
    clock = Clock("Asia/Shanghai")
    clock.pin(datetime(2026, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=8))))
    assert clock.now() == datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def test_today_is_the_district_date_not_the_utc_date():
    clock = Clock("Asia/Shanghai")
    clock.pin(datetime(2026, 3, 1, 20, 0, tzinfo=UTC))  # 04:00 on 2 March in Shanghai
    assert clock.today() == date(2026, 3, 2)


def test_pinning_needs_an_offset():
    with pytest.raises(ValueError, match="offset"):
        Clock("Asia/Shanghai").pin(datetime(2026, 3, 1, 20, 0))
