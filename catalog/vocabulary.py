"""The shared vocabulary of health needs (DESIGN.md §4). Assessment rules point to these needs; services,
groups and fair programs are tagged with them. Migration 0004 and ``seed_demo`` both ensure they exist."""

from django.utils.translation import gettext_noop

# Names and descriptions are stored in Korean; Need.label translates them on the way out.
NEEDS = [
    {
        "slug": "exercise",
        "name": gettext_noop("운동 부족"),
        "domain": "physical",
        "description": gettext_noop(
            "몸을 움직일 일이 적어 기운이 없고 몸이 무거운 분께 즐겁게 움직일 거리를 찾아 드립니다."
        ),
    },
    {
        "slug": "stress",
        "name": gettext_noop("스트레스"),
        "domain": "mental",
        "description": gettext_noop(
            "일과 살림, 돌봄에 지쳐 마음이 무거울 때 잠시 쉬어 가며 마음을 가볍게 할 방법을 함께 찾습니다."
        ),
    },
    {
        "slug": "depression",
        "name": gettext_noop("우울감"),
        "domain": "mental",
        "description": gettext_noop(
            "기운이 없고 아무것도 하기 싫은 날이 이어질 때, 혼자 견디지 않도록 곁에서 함께합니다."
        ),
    },
    {
        "slug": "anxiety",
        "name": gettext_noop("불안"),
        "domain": "mental",
        "description": gettext_noop(
            "걱정이 꼬리에 꼬리를 물어 마음이 편치 않을 때 차분히 숨 고르는 법을 함께 익힙니다."
        ),
    },
    {
        "slug": "counselling",
        "name": gettext_noop("전문 상담"),
        "domain": "mental",
        "description": gettext_noop(
            "마음이 많이 힘들 때 상담 전문가와 일대일로 이야기 나누며 함께 길을 찾습니다."
        ),
    },
    {
        "slug": "loneliness",
        "name": gettext_noop("외로움"),
        "domain": "social",
        "description": gettext_noop(
            "이야기 나눌 사람이 없어 하루가 길게 느껴질 때 따뜻한 이웃과 모임을 이어 드립니다."
        ),
    },
    {
        "slug": "sleep",
        "name": gettext_noop("수면"),
        "domain": "physical",
        "description": gettext_noop(
            "잠들기 어렵거나 자주 깨서 낮에도 피곤한 분이 푹 잘 수 있도록 생활 습관부터 함께 살핍니다."
        ),
    },
    {
        "slug": "nutrition",
        "name": gettext_noop("영양"),
        "domain": "physical",
        "description": gettext_noop(
            "끼니를 거르거나 밥상이 한쪽으로 치우쳐 걱정될 때 골고루 든든하게 드시도록 돕습니다."
        ),
    },
    {
        "slug": "frailty",
        "name": gettext_noop("노쇠"),
        "domain": "physical",
        "description": gettext_noop(
            "기운이 떨어지고 걸음이 예전 같지 않은 어르신이 스스로 생활하는 힘을 지키도록 돕습니다."
        ),
    },
    {
        "slug": "chronic-care",
        "name": gettext_noop("만성질환 관리"),
        "domain": "physical",
        "description": gettext_noop(
            "고혈압이나 당뇨처럼 오래 함께 가는 병을 생활 속에서 꾸준히 돌보도록 곁에서 챙깁니다."
        ),
    },
    {
        "slug": "care",
        "name": gettext_noop("돌봄 필요"),
        "domain": "social",
        "description": gettext_noop(
            "혼자 생활하기 어려운 분과 그 곁을 지키는 가족이 지치지 않도록 손길을 보탭니다."
        ),
    },
    {
        "slug": "learning",
        "name": gettext_noop("배움"),
        "domain": "education",
        "description": gettext_noop(
            "나이와 상관없이 새로운 것을 배우고 싶은 분께 부담 없이 시작할 배움터를 이어 드립니다."
        ),
    },
    {
        "slug": "digital",
        "name": gettext_noop("디지털 역량"),
        "domain": "education",
        "description": gettext_noop(
            "스마트폰과 키오스크가 낯설어 불편한 분이 천천히, 자신 있게 쓸 수 있도록 돕습니다."
        ),
    },
    {
        "slug": "jobs",
        "name": gettext_noop("일자리"),
        "domain": "economic",
        "description": gettext_noop(
            "다시 일을 시작하고 싶은 분께 상담부터 교육, 일자리 연결까지 차근차근 함께합니다."
        ),
    },
    {
        "slug": "finances",
        "name": gettext_noop("경제적 어려움"),
        "domain": "economic",
        "description": gettext_noop(
            "생활비와 빚 걱정으로 잠 못 드는 분이 살림을 다시 세울 수 있도록 함께 길을 찾습니다."
        ),
    },
]


def needs_ensure(need_model=None) -> int:
    """Create the core needs that are missing; returns how many were created."""
    if need_model is None:
        from .models import Need as need_model
    created = 0
    for spec in NEEDS:
        _need, new = need_model.objects.get_or_create(
            slug=spec["slug"], defaults={k: v for k, v in spec.items() if k != "slug"}
        )
        created += new
    return created
