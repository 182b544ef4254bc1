"""The data file is validated on load: bad input stops the build with a clear error."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from conftest import REPO, build_project, copy_project
from guide_data import DataFileError, load_guide_data

DATA_FILE = REPO / "data" / "figures.yml"


def raw_data() -> dict:
    return yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))


def write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "figures.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_the_real_data_file_is_valid():
    data = load_guide_data(DATA_FILE)
    assert data.median_pay.source in {source.id for source in data.sources}


def test_every_entry_names_a_known_source_and_a_period():
    data = load_guide_data(DATA_FILE)
    import renderers

    for entry_id, entry in renderers.entries(data).items():
        assert entry.source and entry.period, entry_id


def _missing_field(data):
    del data["median_pay"]["annual"]


def _wrong_type(data):
    data["employment"]["jobs"] = "many"


def _negative_amount(data):
    data["pay_by_industry"][1]["hourly"] = -17.57


def _percentiles_out_of_order(data):
    data["pay_percentiles"][0]["values"][90] = 9.99


def _median_out_of_order(data):
    data["median_pay"]["hourly"] = 30.00


def _unknown_source(data):
    data["bonuses"][0]["source"] = "no-such-source"


def _label_missing_for_one_language(data):
    del data["pay_by_industry"][2]["label"]["ko"]


def _interface_label_missing_for_one_language(data):
    del data["labels"]["hourly"]["nb"]


def _bad_period(data):
    data["employment"]["period"] = "last year"


def _malformed_occupation_code(data):
    data["occupation"]["codes"][0]["code"] = "43-4051"


def _unknown_country(data):
    data["occupation"]["country"] = "XX"


def _unknown_salary_percentiles(data):
    data["occupation"]["salary_percentiles"] = "no-such-set"


def _salary_percentiles_without_the_median(data):
    data["occupation"]["salary_percentiles"] = "bls-2016-annual"


BAD_INPUTS = [
    (_missing_field, "median_pay.annual", "Field required"),
    (_wrong_type, "employment.jobs", "valid integer"),
    (_negative_amount, "pay_by_industry[1].hourly", "greater than 0"),
    (_percentiles_out_of_order, "pay_percentiles[0].values", "out of order"),
    (_median_out_of_order, "pay_percentiles[0].values", "out of order"),
    (_unknown_source, "bonuses[0].source", "unknown source id 'no-such-source'"),
    (_label_missing_for_one_language, "pay_by_industry[2].label", "label missing for language ko"),
    (_interface_label_missing_for_one_language, "labels.hourly", "label missing for language nb"),
    (_bad_period, "employment.period", "'last year' is not a period"),
    (_malformed_occupation_code, "occupation.codes[0]", "does not match the O*NET-SOC code format"),
    (_unknown_country, "occupation.country", "not an ISO 3166 country code"),
    (_unknown_salary_percentiles, "occupation.salary_percentiles", "no pay_percentiles set with id 'no-such-set'"),
    (_salary_percentiles_without_the_median, "occupation.salary_percentiles", "not from the source and period"),
]


@pytest.mark.parametrize("spoil, field, message", BAD_INPUTS, ids=[b[0].__name__ for b in BAD_INPUTS])
def test_bad_input_names_file_and_field(tmp_path, spoil, field, message):
    data = copy.deepcopy(raw_data())
    spoil(data)
    path = write(tmp_path, data)
    with pytest.raises(DataFileError) as error:
        load_guide_data(path)
    text = str(error.value)
    assert f"{path}: {field}: " in text, text
    assert message in text, text


def test_unreadable_yaml_names_the_file(tmp_path):
    path = tmp_path / "figures.yml"
    path.write_text("median_pay: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=str(path)):
        load_guide_data(path)


def test_bad_data_stops_the_build_and_writes_no_site(tmp_path, caplog):
    project = copy_project(tmp_path / "project")
    data = raw_data()
    _negative_amount(data)
    (project / "data" / "figures.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    site_dir = tmp_path / "site"
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort):
        build_project(project, site_dir)
    assert "figures.yml: pay_by_industry[1].hourly: Input should be greater than 0" in caplog.text
    assert not list(site_dir.rglob("*.html")), "a half-built site was written"


def test_html_in_a_label_is_shown_as_text(tmp_path):
    project = copy_project(tmp_path / "project")
    data = raw_data()
    data["pay_by_industry"][0]["label"]["en"] = '<img src=x onerror="alert(1)">Wholesale'
    (project / "data" / "figures.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    build_project(project, tmp_path / "site")
    html = (tmp_path / "site" / "salary" / "index.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;Wholesale" in html
    assert '<img src=x onerror="alert(1)">' not in html
