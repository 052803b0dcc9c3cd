"""Default rules from scale bands to health needs. Staff edit them in the admin; migration 0002 and
``seed_demo`` create the ones that are missing (an edited rule is never overwritten)."""

RULES = [
    (
        "who5",
        "poor",
        "stress",
        3,
        "최근 2주 동안 즐겁고 편안한 날이 적었다고 답하셨어요. 마음을 쉬게 하는 활동이 도움이 될 수 있어요.",
        "You said there were few cheerful, relaxed days in the last two weeks. Activities that rest the mind may help.",
    ),
    (
        "phq2",
        "positive",
        "depression",
        4,
        "최근 2주 기분이 가라앉거나 흥미가 줄어든 날이 있었다고 답하셨어요. 마음 상담이 도움이 될 수 있어요.",
        "You said you have felt down or lost interest on some days in the last two weeks. Counselling may help.",
    ),
    (
        "phq9",
        "mild",
        "depression",
        2,
        "가벼운 우울감이 보여요. 사람들과 이야기하고 몸을 움직이는 활동이 도움이 돼요.",
        "There are signs of a mild low mood. Talking with people and moving your body help.",
    ),
    (
        "phq9",
        "moderate",
        "depression",
        5,
        "우울감이 꽤 있다고 답하셨어요. 마음 상담을 받아 보시길 권해요.",
        "You reported a fair amount of low mood. We suggest talking to a counsellor.",
    ),
    (
        "phq9",
        "moderately_severe",
        "depression",
        6,
        "우울감이 많이 있다고 답하셨어요. 상담 전문가나 의료인과 꼭 이야기해 보세요.",
        "You reported a lot of low mood. Please talk with a counsellor or a doctor.",
    ),
    (
        "phq9",
        "severe",
        "depression",
        7,
        "우울감이 매우 크다고 답하셨어요. 혼자 견디지 말고 전문가와 꼭 상담하세요.",
        "You reported very strong low mood. Please do not carry it alone: talk with a professional.",
    ),
    # 전문 상담 (the counselling need): from a moderate PHQ-9 or GAD-7 on, a professional is suggested by
    # name. (A reported thought of self-harm puts counselling first anyway: healthcheck.selectors.)
    (
        "phq9",
        "moderate",
        "counselling",
        4,
        "기분이 가라앉은 날이 꽤 많았다고 답하셨어요. 상담 전문가와 일대일로 이야기해 보시면 좋아요.",
        "You had quite a few low days. Talking one-to-one with a counsellor can help.",
    ),
    (
        "phq9",
        "moderately_severe",
        "counselling",
        6,
        "기분이 가라앉은 날이 많았다고 답하셨어요. 상담 전문가와 꼭 이야기해 보세요.",
        "You had many low days. Please do talk with a counsellor.",
    ),
    (
        "phq9",
        "severe",
        "counselling",
        8,
        "거의 매일 기분이 가라앉았다고 답하셨어요. 혼자 견디지 말고 상담 전문가를 먼저 만나 보세요.",
        "You felt low nearly every day. Please do not carry it alone: see a counsellor first.",
    ),
    (
        "gad7",
        "moderate",
        "counselling",
        3,
        "걱정과 긴장이 꽤 자주 있었다고 답하셨어요. 상담 전문가와 이야기하면 마음이 한결 가벼워질 수 있어요.",
        "You often felt worried or tense. Talking with a counsellor can lighten it.",
    ),
    (
        "gad7",
        "severe",
        "counselling",
        5,
        "걱정과 긴장이 아주 잦다고 답하셨어요. 상담 전문가와 꼭 이야기해 보세요.",
        "You felt worried or tense very often. Please do talk with a counsellor.",
    ),
    (
        "gad2",
        "positive",
        "anxiety",
        4,
        "최근 2주 걱정이나 긴장을 자주 느꼈다고 답하셨어요. 마음을 차분히 하는 프로그램이 도움이 될 수 있어요.",
        "You said you often felt worried or tense in the last two weeks. Calming programmes may help.",
    ),
    (
        "gad7",
        "mild",
        "anxiety",
        2,
        "가벼운 불안이 보여요. 숨을 고르고 마음을 쉬게 하는 활동이 도움이 돼요.",
        "There are signs of mild anxiety. Breathing and relaxing activities help.",
    ),
    (
        "gad7",
        "moderate",
        "anxiety",
        5,
        "불안이 꽤 있다고 답하셨어요. 마음 상담을 받아 보시길 권해요.",
        "You reported a fair amount of anxiety. We suggest talking to a counsellor.",
    ),
    (
        "gad7",
        "severe",
        "anxiety",
        6,
        "불안이 많이 크다고 답하셨어요. 상담 전문가나 의료인과 꼭 이야기해 보세요.",
        "You reported strong anxiety. Please talk with a counsellor or a doctor.",
    ),
    (
        "ucla3",
        "lonely",
        "loneliness",
        5,
        "함께할 사람이 없다고 느끼는 때가 많다고 답하셨어요. 이웃과 만나는 모임을 추천해요.",
        "You often feel you lack company. We suggest groups where you meet neighbours.",
    ),
    (
        "lsns6",
        "isolated",
        "loneliness",
        4,
        "가깝게 연락하는 사람이 적다고 답하셨어요. 이웃과 이어지는 모임이 도움이 될 수 있어요.",
        "You have few people you are in touch with. Groups that connect neighbours may help.",
    ),
    (
        "kfrail",
        "prefrail",
        "frailty",
        3,
        "노쇠 전 단계로 보여요. 근력 운동과 영양을 챙기면 다시 튼튼해질 수 있어요.",
        "You may be pre-frail. Strength exercise and good food can make you strong again.",
    ),
    (
        "kfrail",
        "prefrail",
        "exercise",
        2,
        "다리 힘을 기르는 가벼운 운동부터 시작해 보세요.",
        "Start with light exercise that builds leg strength.",
    ),
    (
        "kfrail",
        "frail",
        "frailty",
        5,
        "노쇠 단계로 보여요. 집으로 찾아가는 운동과 돌봄이 도움이 돼요.",
        "You may be frail. Exercise and care at home can help.",
    ),
    (
        "kfrail",
        "frail",
        "care",
        3,
        "혼자 지내기 힘든 일이 있다면 돌봄 서비스가 곁에서 도와드려요.",
        "If daily life is hard on your own, care services can help.",
    ),
    (
        "auditc",
        "at_risk",
        "chronic-care",
        3,
        "술 마시는 양이나 횟수가 건강에 부담이 될 수 있어요. 생활 습관을 함께 살펴보는 서비스를 추천해요.",
        "Your drinking may strain your health. We suggest services that look at daily habits with you.",
    ),
    (
        "activity",
        "below",
        "exercise",
        4,
        "한 주 운동량이 세계보건기구 권장량(150분)보다 적다고 답하셨어요. 가볍게 시작할 수 있는 운동을 추천해요.",
        "Your weekly activity is below the WHO's 150 minutes. We suggest exercise that is easy to start.",
    ),
    (
        "learning",
        "digital",
        "digital",
        4,
        "스마트폰 같은 디지털 기기를 배우고 싶다고 하셨어요.",
        "You would like to learn to use smartphones and other digital devices.",
    ),
    (
        "learning",
        "nutrition",
        "nutrition",
        3,
        "요리와 영양을 배우고 싶다고 하셨어요.",
        "You would like to learn about cooking and nutrition.",
    ),
    (
        "learning",
        "health",
        "exercise",
        2,
        "운동과 건강 관리를 배우고 싶다고 하셨어요.",
        "You would like to learn about exercise and looking after your health.",
    ),
    (
        "learning",
        "culture",
        "learning",
        3,
        "취미와 문화 활동을 배우고 싶다고 하셨어요.",
        "You would like to learn a hobby or a cultural activity.",
    ),
    (
        "economic",
        "some",
        "finances",
        2,
        "생활비 걱정이 조금 있다고 하셨어요.",
        "You have some worries about living costs.",
    ),
    (
        "economic",
        "high",
        "finances",
        4,
        "생활비 걱정이 많다고 하셨어요. 살림 상담이 도움이 될 수 있어요.",
        "You have many worries about living costs. Household finance advice may help.",
    ),
    (
        "jobs",
        "yes",
        "jobs",
        5,
        "일자리를 찾고 계신다고 하셨어요. 취업 상담과 교육을 추천해요.",
        "You are looking for work. We suggest job counselling and training.",
    ),
]


def need_rules_ensure(need_model=None, rule_model=None) -> int:
    """Create the default rules that are missing; returns how many were created."""
    if need_model is None:
        from catalog.models import Need as need_model
    if rule_model is None:
        from .models import NeedRule as rule_model
    needs = {need.slug: need for need in need_model.objects.all()}
    created = 0
    for scale, band, slug, weight, explanation, explanation_en in RULES:
        if slug in needs:
            _rule, new = rule_model.objects.get_or_create(
                scale=scale,
                band=band,
                need=needs[slug],
                defaults={"weight": weight, "explanation": explanation, "explanation_en": explanation_en},
            )
            created += new
    return created
