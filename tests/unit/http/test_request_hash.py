from district_shared.http.idempotency import request_hash


def test_the_same_json_hashes_alike_whatever_its_key_order_and_spacing():
    assert request_hash("POST", "/things", b'{"a": 1, "b": [1, 2]}') == request_hash(
        "POST", "/things", b'{"b":[1,2],"a":1}'
    )


def test_a_different_body_method_or_path_hashes_differently():
    base = request_hash("POST", "/things", b'{"a": 1}')
    assert base != request_hash("POST", "/things", b'{"a": 2}')
    assert base != request_hash("PUT", "/things", b'{"a": 1}')
    assert base != request_hash("POST", "/others", b'{"a": 1}')


def test_a_body_that_is_not_json_still_hashes_by_its_bytes():
    assert request_hash("POST", "/things", b"{oops") != request_hash("POST", "/things", b"{oops!")
    assert len(request_hash("POST", "/things", b"")) == 64
