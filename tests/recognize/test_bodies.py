from __future__ import annotations

import pytest

from arfa.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipelines() -> dict[str, Pipeline]:
    return {lang: Pipeline(lang, recognizers=["gazetteer"]) for lang in ("ar", "fa")}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ar", "اجتماع مجلس وزراء خارجية رابطة الدول المستقلة في بيشكيك",
         "مجلس وزراء خارجية رابطة الدول المستقلة"),
        ("ar", "أنشئ مركز التدريب التابع لمنظمة معاهدة الأمن الجماعي", "مركز التدريب التابع لمنظمة معاهدة الأمن الجماعي"),
        # a particle (في) breaks the chain: the known organization stands alone
        ("ar", "وقالت ولجنة التحقيق في الاتحاد الأوروبي", "الاتحاد الأوروبي"),
        ("ar", "أعلن رئيس لجنة الأمن أن منظمة معاهدة الأمن الجماعي ستجتمع", "منظمة معاهدة الأمن الجماعي"),
        ("fa", "کمیته اقتصادی سازمان همکاری اقتصادی اکو تشکیل جلسه داد", "کمیته اقتصادی سازمان همکاری اقتصادی اکو"),
        ("fa", "برنامه اقدام سازمان همکاری شانگهای تصویب شد", "سازمان همکاری شانگهای"),  # a plan is no body
        # a conjunction attached to the organization: two names, not a body of the second
        ("ar", "ممثلون عن البنك الآسيوي للتنمية والبنك الأوروبي لإعادة الإعمار والتنمية",
         "البنك الأوروبي لإعادة الإعمار والتنمية"),
    ],
)
def test_bodies(pipelines: dict[str, Pipeline], lang: str, text: str, expected: str) -> None:
    orgs = [e.text for e in pipelines[lang](text).entities if e.label.value == "ORG"]
    assert orgs == [expected]
