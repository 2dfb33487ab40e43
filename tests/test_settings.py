import pytest

from newsgraph.errors import SettingsError
from newsgraph.settings import SETTINGS_HELP, Settings, make_settings


def test_settings_defaults_when_nothing_set():
    assert make_settings(environ={}) == Settings()


def test_settings_environment_then_flags():
    env = {"NEWSGRAPH_WORKERS": "2", "NEWSGRAPH_MODEL": "en_core_web_sm"}
    s = make_settings({"workers": 3, "model": None}, environ=env)
    assert s.workers == 3  # a flag beats the environment
    assert s.model == "en_core_web_sm"  # an unset flag (None) leaves the environment's value


@pytest.mark.parametrize("overrides", [{"colour": "blue"}, {"workers": 0}, {"workers": "many"}])
def test_settings_rejects_unknown_or_invalid(overrides):
    with pytest.raises(SettingsError):
        make_settings(overrides, environ={})


def test_settings_every_setting_documented():
    assert set(SETTINGS_HELP) == set(Settings.__slots__)
