"""The bounded YAML reader: plain data only, positions, and early failure on hostile input."""

from __future__ import annotations

import pytest

from argmap.yaml.reader import Limits, YamlError, parse_yaml, read_yaml_file


def err(text: str, limits: Limits = Limits()) -> str:
    with pytest.raises(YamlError) as info:
        parse_yaml(text, "t.yaml", limits)
    return str(info.value)


def test_positions_of_values_and_keys() -> None:
    doc = parse_yaml("a: 1\nb:\n  - x\n  - {c: d}\n", "t.yaml")
    assert doc.data == {"a": 1, "b": ["x", {"c": "d"}]}
    assert doc.where(("b", 1, "c")) == (4, 9)
    assert doc.where(("b", 1, "c"), key=True) == (4, 6)
    assert doc.where(("b", 7, "zzz")) == (3, 3)  # nearest ancestor that exists


def test_scalars_stay_plain_and_timestamps_stay_strings() -> None:
    doc = parse_yaml("d: 2024-06-15\nb: true\nn: null\ni: 3\nf: 1.5\ns: '3'\n")
    assert doc.data == {"d": "2024-06-15", "b": True, "n": None, "i": 3, "f": 1.5, "s": "3"}


def test_billion_laughs_fails_fast() -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 9)}]")
    message = err("\n".join(lines))
    # a5 is the first anchor past the limit (9^6 values): the reader stops at its third alias, the one that
    # crosses 200,000, and never reaches a9 (9^10 values).
    assert message.startswith("t.yaml:6:15: error: aliases expand to more than 200,000 values")


def test_deep_nesting_stops_at_the_limit() -> None:
    assert err("[" * 100_000 + "]" * 100_000) == (
        "t.yaml:1:65: error: nesting deeper than 64 levels (an argument map needs only a few levels)")


@pytest.mark.parametrize(("text", "expected"), [
    ("a: !!python/object/apply:os.system [ls]", "unsupported YAML tag"),
    ("a: 1\na: 2\n", "t.yaml:2:1: error: duplicate key 'a'"),
    ("a: 1\n---\nb: 2\n", "more than one YAML document"),
    ("base: &b {x: 1}\nc:\n  <<: *b\n", "merge keys (<<) are not supported"),
    ("", "the file is empty"),
    ("# only a comment\n", "the file is empty"),
    ("a: [1, 2", "not valid YAML"),
    ("&a [*a]", "unknown or recursive alias"),
])
def test_rejections(text: str, expected: str) -> None:
    assert expected in err(text)


def test_file_limits_and_encoding(tmp_path) -> None:  # type: ignore[no-untyped-def]
    big = tmp_path / "big.yaml"
    big.write_text("a: " + "x" * 2000)
    with pytest.raises(YamlError, match="over the limit of 1,000"):
        read_yaml_file(str(big), limits=Limits(max_bytes=1000))
    latin = tmp_path / "latin.yaml"
    latin.write_bytes(b"a: ok\nb: caf\xe9\n")
    with pytest.raises(YamlError, match=r"latin.yaml:2:7: error: not UTF-8 text \(byte 0xe9\)"):
        read_yaml_file(str(latin))


@pytest.mark.parametrize("text", ["a: !!bool maybe\n", "a: !!int ''\n", "a: !!float ''\n"])
def test_a_bad_typed_scalar_is_a_located_error(text: str) -> None:
    with pytest.raises(YamlError) as err:
        parse_yaml(text)
    assert "1:4" in str(err.value) or "line 1" in str(err.value), str(err.value)
