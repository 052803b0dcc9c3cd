"""Demo content for 마주봄: health needs and fictional Daejeon social-economy providers with their services.

Everything here is made up for demonstrations. The enterprises, addresses, phone numbers and e-mail
addresses are fictional (e-mail and web addresses use the reserved ``example.kr`` domain). The data is
plain Python so that a seeding command can read it without touching the database at import time.

Each service's ``schedule`` describes when it usually runs (weekdays 0 = Monday .. 6 = Sunday, start
time, length in minutes and places per slot); shipped goods have no schedule and carry ``stock``
instead. Run ``python3 catalog/demo_data.py`` to check the data's internal consistency.
"""

DOMAINS = ["physical", "mental", "social", "education", "economic"]
KINDS = [
    "social_enterprise",
    "pre_social_enterprise",
    "cooperative",
    "social_cooperative",
    "village_enterprise",
    "self_sufficiency",
    "general",
]
DISTRICTS = ["dong", "jung", "seo", "yuseong", "daedeok"]
DELIVERIES = ["home_visit", "venue", "online", "shipped"]
UNITS = ["session", "item", "month", "hour", "set"]

from catalog.vocabulary import NEEDS  # noqa: E402 - the shared vocabulary, re-exported for the data below

PROVIDERS = [
    {
        "name": "한밭방문재활 사회적협동조합",
        "slug": "hanbat-rehab",
        "kind": "social_cooperative",
        "district": "seo",
        "address": "대전광역시 서구 계룡로 553, 2층",
        "phone": "042-522-3180",
        "email": "hanbat-rehab@example.kr",
        "website": "https://hanbat-rehab.example.kr",
        "description": (
            "2016년 물리치료사와 작업치료사들이 모여 만든 사회적협동조합입니다. 거동이 불편한 어르신과 "
            "장애인의 집으로 찾아가 재활 운동을 돕고, 아이를 키우느라 일을 쉬었던 치료사들이 다시 일할 수 "
            "있는 자리를 만들고 있습니다."
        ),
        "owner": "owner1",
        "services": [
            {
                "title": "방문 재활 운동 (1회 60분)",
                "slug": "hanbat-home-rehab",
                "summary": "물리치료사가 집으로 찾아가 몸 상태에 맞춘 재활 운동을 함께합니다.",
                "description": (
                    "거동이 불편하거나 수술 뒤 회복 중인 분의 집으로 물리치료사가 찾아갑니다. 첫 방문에서 "
                    "일어서기와 걷기 상태를 살피고, 집에서 따라 할 수 있는 운동을 함께 정합니다. 편한 "
                    "옷차림이면 충분하고, 먹고 있는 약이나 진료 기록이 있으면 미리 보여 주세요. 서구와 "
                    "유성구 어디든 찾아갑니다."
                ),
                "domain": "physical",
                "needs": ["frailty", "exercise"],
                "delivery": "home_visit",
                "price": 50000,
                "unit": "session",
                "duration_minutes": 60,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 1, 2, 3, 4], "start": "10:00", "minutes": 60, "capacity": 2},
            },
            {
                "title": "방문 재활 첫 만남 체험 (30분)",
                "slug": "hanbat-rehab-trial",
                "summary": "재활 운동이 처음이라면 30분 동안 몸 상태를 살피고 운동 방법을 안내받아 보세요.",
                "description": (
                    "치료사가 집에 찾아가 관절이 움직이는 범위와 걷는 모습을 가볍게 살펴봅니다. 오늘부터 해 "
                    "볼 수 있는 쉬운 운동 두세 가지를 알려 드립니다. 가족이나 보호자가 함께 계시면 더 "
                    "좋습니다."
                ),
                "domain": "physical",
                "needs": ["frailty"],
                "delivery": "home_visit",
                "price": 10000,
                "unit": "session",
                "duration_minutes": 30,
                "is_experience": True,
                "stock": None,
                "schedule": {"weekdays": [1, 3], "start": "14:00", "minutes": 30, "capacity": 1},
            },
            {
                "title": "뇌졸중 뒤 일상 동작 연습 (한 달 8회 방문)",
                "slug": "hanbat-stroke-daily",
                "summary": "뇌졸중을 겪은 뒤 옷 입기, 식사, 화장실 가기를 다시 혼자 해낼 수 있도록 돕습니다.",
                "description": (
                    "작업치료사가 한 달에 여덟 번 집으로 찾아가 날마다 하는 동작을 하나씩 연습합니다. 집 "
                    "구조에 맞게 가구 배치와 보조 도구도 함께 살펴 드립니다. 병원 퇴원 뒤 집에서 생활을 다시 "
                    "시작하는 분께 알맞습니다. 첫 방문 전에 전화로 지금 상태를 여쭙니다."
                ),
                "domain": "physical",
                "needs": ["chronic-care", "frailty"],
                "delivery": "home_visit",
                "price": 190000,
                "unit": "month",
                "duration_minutes": 60,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 2, 4], "start": "15:00", "minutes": 60, "capacity": 1},
            },
            {
                "title": "보호자를 위한 돌봄 자세 교실",
                "slug": "hanbat-caregiver-posture",
                "summary": "가족을 돌보다 허리와 어깨가 아픈 보호자에게 덜 힘든 자세를 알려 드립니다.",
                "description": (
                    "누워 계신 분을 일으키거나 휠체어로 옮길 때 힘을 덜 쓰는 방법을 직접 해 봅니다. 돌보는 "
                    "사람의 허리와 어깨를 지키는 스트레칭도 함께 배웁니다. 움직이기 편한 옷을 입고 오시면 "
                    "됩니다. 수업은 조합 2층 교육실에서 열립니다."
                ),
                "domain": "education",
                "needs": ["care", "learning"],
                "delivery": "venue",
                "price": 20000,
                "unit": "session",
                "duration_minutes": 90,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [5], "start": "10:00", "minutes": 90, "capacity": 12},
            },
            {
                "title": "낙상 예방 근력 교실 (월 8회)",
                "slug": "hanbat-fall-prevention",
                "summary": "넘어지지 않도록 다리 힘과 균형 감각을 기르는 어르신 운동 교실입니다.",
                "description": (
                    "의자와 벽을 잡고 하는 쉬운 운동부터 시작해 조금씩 다리 힘을 키웁니다. 첫 시간에 균형 "
                    "검사를 하고 석 달마다 다시 재어 나아진 점을 알려 드립니다. 미끄럽지 않은 실내화와 물을 "
                    "챙겨 오세요. 조합 2층 운동실에서 열립니다."
                ),
                "domain": "physical",
                "needs": ["frailty", "exercise"],
                "delivery": "venue",
                "price": 60000,
                "unit": "month",
                "duration_minutes": 50,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [1, 3], "start": "10:30", "minutes": 50, "capacity": 15},
            },
        ],
    },
    {
        "name": "유성마음숲 심리상담센터",
        "slug": "yuseong-maeumsup",
        "kind": "social_enterprise",
        "district": "yuseong",
        "address": "대전광역시 유성구 대학로 76, 4층",
        "phone": "042-825-4417",
        "email": "yuseong-maeumsup@example.kr",
        "website": "https://yuseong-maeumsup.example.kr",
        "description": (
            "2014년 문을 열어 2017년 인증을 받은 사회적기업으로, 임상심리 전문가와 상담사 12명이 일하고 "
            "있습니다. 상담비가 부담스러운 주민을 위해 형편에 따라 상담비를 낮춰 받고, 수익의 일부로 동네 "
            "마음건강 모임을 열고 있습니다."
        ),
        "owner": "owner2",
        "services": [
            {
                "title": "마음 상담 1회 체험",
                "slug": "maeumsup-counseling-trial",
                "summary": "상담이 처음이라 망설여진다면 부담 없는 값으로 한 번 이야기를 나눠 보세요.",
                "description": (
                    "요즘 마음을 무겁게 하는 일을 상담사와 차분히 이야기합니다. 간단한 마음 상태 검사를 "
                    "하고, 앞으로 어떤 도움이 맞을지 함께 정리합니다. 따로 준비할 것은 없으며, 이야기한 "
                    "내용은 밖으로 새지 않습니다. 센터 4층 조용한 상담실에서 만납니다."
                ),
                "domain": "mental",
                "needs": ["stress", "anxiety"],
                "delivery": "venue",
                "price": 10000,
                "unit": "session",
                "duration_minutes": 50,
                "is_experience": True,
                "stock": None,
                "schedule": {"weekdays": [0, 1, 2, 3, 4], "start": "10:00", "minutes": 50, "capacity": 1},
            },
            {
                "title": "개인 심리 상담 (50분)",
                "slug": "maeumsup-counseling",
                "summary": "우울감과 불안, 쌓인 스트레스를 전문 상담사와 함께 천천히 풀어 갑니다.",
                "description": (
                    "한 사람의 상담사가 꾸준히 만나며 마음의 어려움을 함께 살핍니다. 보통 주 1회씩 8회 이상 "
                    "만나기를 권하지만, 횟수는 상담사와 의논해 정합니다. 형편이 어려운 분은 첫 상담 때 "
                    "말씀해 주시면 상담비를 낮춰 드립니다. 평일 저녁 상담도 가능합니다."
                ),
                "domain": "mental",
                "needs": ["depression", "anxiety", "stress"],
                "delivery": "venue",
                "price": 50000,
                "unit": "session",
                "duration_minutes": 50,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 1, 2, 3, 4], "start": "13:00", "minutes": 50, "capacity": 3},
            },
            {
                "title": "집에서 받는 화상 마음 상담",
                "slug": "maeumsup-online-counseling",
                "summary": "센터에 오기 어려운 분은 집에서 화상으로 상담사를 만날 수 있습니다.",
                "description": (
                    "예약하면 문자로 화상 상담 주소를 보내 드립니다. 스마트폰이나 컴퓨터, 이어폰, 그리고 "
                    "혼자 이야기할 수 있는 조용한 공간만 있으면 됩니다. 아이를 재운 뒤나 퇴근 뒤에도 만날 수 "
                    "있도록 저녁 시간에 엽니다."
                ),
                "domain": "mental",
                "needs": ["stress", "anxiety"],
                "delivery": "online",
                "price": 40000,
                "unit": "session",
                "duration_minutes": 50,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [1, 3], "start": "19:30", "minutes": 50, "capacity": 2},
            },
            {
                "title": "불안 다스리기 소모임 (4회)",
                "slug": "maeumsup-anxiety-group",
                "summary": "걱정과 불안이 잦은 분들이 모여 마음을 가라앉히는 방법을 함께 익힙니다.",
                "description": (
                    "여덟 명 안팎이 모여 네 번 만나는 작은 모임입니다. 숨 고르기, 걱정 적어 보기, 몸 긴장 "
                    "풀기처럼 집에서도 할 수 있는 방법을 배웁니다. 말하고 싶지 않은 이야기는 하지 않아도 "
                    "괜찮습니다. 필기도구를 챙겨 오세요."
                ),
                "domain": "mental",
                "needs": ["anxiety"],
                "delivery": "venue",
                "price": 80000,
                "unit": "set",
                "duration_minutes": 90,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [2], "start": "19:00", "minutes": 90, "capacity": 8},
            },
            {
                "title": "지친 부모를 위한 마음 돌봄 교실",
                "slug": "maeumsup-parent-care",
                "summary": "아이를 키우며 지친 엄마 아빠가 잠시 숨 돌리고 마음을 돌보는 시간입니다.",
                "description": (
                    "육아로 쌓인 답답함과 미안함을 비슷한 처지의 부모들과 나눕니다. 짜증이 올라올 때 마음을 "
                    "다스리는 방법을 상담사가 쉽게 알려 드립니다. 수업 동안 옆방에서 아이를 돌봐 드리니 "
                    "예약할 때 아이 나이를 알려 주세요."
                ),
                "domain": "mental",
                "needs": ["stress", "depression"],
                "delivery": "venue",
                "price": 20000,
                "unit": "session",
                "duration_minutes": 90,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [5], "start": "10:00", "minutes": 90, "capacity": 12},
            },
        ],
    },
    {
        "name": "대덕햇살도시락 협동조합",
        "slug": "daedeok-haetsal-dosirak",
        "kind": "cooperative",
        "district": "daedeok",
        "address": "대전광역시 대덕구 신탄진로 804, 1층",
        "phone": "042-933-2651",
        "email": "daedeok-haetsal-dosirak@example.kr",
        "website": "https://daedeok-haetsal-dosirak.example.kr",
        "description": (
            "2018년 대덕구 주부와 어르신 조합원 40여 명이 함께 만든 협동조합입니다. 동네에서 난 재료로 "
            "싱겁고 부드러운 도시락을 만들어 혼자 사는 어르신과 바쁜 가정에 전하고, 배달과 포장은 조합원 "
            "어르신들이 맡고 있습니다."
        ),
        "owner": None,
        "services": [
            {
                "title": "협동조합 도시락 정기 배송 (주 5회)",
                "slug": "haetsal-lunch-weekly",
                "summary": "평일 점심마다 싱겁고 부드러운 도시락을 집 앞까지 가져다 드립니다.",
                "description": (
                    "밥과 국, 반찬 세 가지로 된 도시락을 평일 오전 11시 전에 배달합니다. 씹기 힘든 분께는 "
                    "반찬을 잘게 썰어 드리고, 못 드시는 재료가 있으면 미리 알려 주세요. 배달하는 조합원이 문 "
                    "앞에서 안부도 함께 여쭙습니다. 신탄진동, 석봉동, 덕암동, 목상동에 배달합니다."
                ),
                "domain": "physical",
                "needs": ["nutrition"],
                "delivery": "shipped",
                "price": 150000,
                "unit": "month",
                "duration_minutes": None,
                "is_experience": False,
                "stock": 60,
                "schedule": None,
            },
            {
                "title": "어르신 건강 반찬 세트 (4가지)",
                "slug": "haetsal-side-dish-set",
                "summary": "부드럽게 익힌 나물과 조림으로 꾸린 어르신 맞춤 반찬 네 가지입니다.",
                "description": (
                    "나물 두 가지와 생선조림, 두부조림을 담아 보냅니다. 간을 약하게 하고 오래 익혀 씹기 "
                    "편합니다. 받은 날부터 냉장고에 넣어 사흘 안에 드세요."
                ),
                "domain": "physical",
                "needs": ["nutrition", "frailty"],
                "delivery": "shipped",
                "price": 22000,
                "unit": "set",
                "duration_minutes": None,
                "is_experience": False,
                "stock": 80,
                "schedule": None,
            },
            {
                "title": "싱거운 맛 도시락 체험 (1개)",
                "slug": "haetsal-lowsalt-trial",
                "summary": "짠맛을 줄인 도시락이 입에 맞는지 한 번 먼저 맛보세요.",
                "description": (
                    "혈압이나 당뇨 때문에 싱겁게 드셔야 하는 분을 위한 도시락을 한 번 받아 보는 체험입니다. "
                    "소금 대신 들깨와 다시마로 맛을 냈습니다. 드셔 보시고 간이 맞는지 알려 주시면 정기 배송 "
                    "때 맞춰 드립니다."
                ),
                "domain": "physical",
                "needs": ["nutrition", "chronic-care"],
                "delivery": "shipped",
                "price": 6000,
                "unit": "item",
                "duration_minutes": None,
                "is_experience": True,
                "stock": 100,
                "schedule": None,
            },
            {
                "title": "이웃과 함께 짓는 밥상 요리 교실",
                "slug": "haetsal-cooking-class",
                "summary": "혼자 드시는 끼니가 쓸쓸한 분들이 모여 함께 요리하고 함께 먹습니다.",
                "description": (
                    "조합원 어르신이 선생님이 되어 쉽고 싱거운 집밥 한 가지를 알려 드립니다. 다 만든 음식은 "
                    "둘러앉아 함께 먹고, 남은 음식은 싸 가실 수 있습니다. 앞치마와 반찬통을 챙겨 오세요. "
                    "조합 1층 부엌에서 열립니다."
                ),
                "domain": "social",
                "needs": ["loneliness", "nutrition"],
                "delivery": "venue",
                "price": 20000,
                "unit": "session",
                "duration_minutes": 120,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [3], "start": "10:30", "minutes": 120, "capacity": 10},
            },
            {
                "title": "시니어 도시락 배달원 모집 설명회",
                "slug": "haetsal-delivery-jobs",
                "summary": "하루 두세 시간 동네 어르신께 도시락을 전하는 일자리를 소개합니다.",
                "description": (
                    "예순이 넘어도 건강하게 일하고 싶은 분께 도시락 배달 일을 자세히 안내합니다. 일하는 "
                    "시간과 급여, 안전 교육 내용을 알려 드리고 궁금한 점에 답해 드립니다. 참가비는 없으며, "
                    "신분증을 가져오시면 그 자리에서 지원서를 쓸 수 있습니다."
                ),
                "domain": "economic",
                "needs": ["jobs"],
                "delivery": "venue",
                "price": 0,
                "unit": "session",
                "duration_minutes": 60,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0], "start": "14:00", "minutes": 60, "capacity": 20},
            },
        ],
    },
    {
        "name": "으뜸발쉼터 마을기업",
        "slug": "eutteum-balswimteo",
        "kind": "village_enterprise",
        "district": "jung",
        "address": "대전광역시 중구 대종로 480, 1층",
        "phone": "042-256-7702",
        "email": "eutteum-balswimteo@example.kr",
        "website": "",
        "description": (
            "2019년 중구 주민들이 비어 있던 가게를 고쳐 문을 연 마을기업입니다. 발 관리 교육을 받은 동네 "
            "중년 여성 8명이 일하며, 오래 서서 일하는 이웃과 걷기 힘든 어르신의 발 건강을 돌봅니다."
        ),
        "owner": None,
        "services": [
            {
                "title": "발 마사지와 족욕 체험",
                "slug": "eutteum-foot-trial",
                "summary": "따뜻한 족욕과 발 마사지로 하루 피로를 풀어 보는 40분 체험입니다.",
                "description": (
                    "쑥을 우린 따뜻한 물에 발을 담그고, 이어서 발과 종아리를 부드럽게 주물러 드립니다. 오래 "
                    "서서 일하거나 잠들기 힘든 분께 특히 좋습니다. 종아리까지 걷을 수 있는 바지를 입고 "
                    "오세요."
                ),
                "domain": "physical",
                "needs": ["sleep", "stress"],
                "delivery": "venue",
                "price": 12000,
                "unit": "session",
                "duration_minutes": 40,
                "is_experience": True,
                "stock": None,
                "schedule": {"weekdays": [1, 2, 3, 4, 5], "start": "11:00", "minutes": 40, "capacity": 6},
            },
            {
                "title": "어르신 발 관리 방문 서비스",
                "slug": "eutteum-home-foot-care",
                "summary": "발톱 깎기와 굳은살 정리가 어려운 어르신 댁으로 찾아갑니다.",
                "description": (
                    "허리를 굽히기 힘들거나 눈이 어두워 발을 돌보기 어려운 어르신 댁을 방문합니다. 발톱을 "
                    "다듬고 굳은살을 정리한 뒤 보습까지 해 드립니다. 당뇨가 있는 분은 상처가 없는지 꼼꼼히 "
                    "살피고, 걱정되는 점은 가족께 알려 드립니다."
                ),
                "domain": "physical",
                "needs": ["frailty", "chronic-care"],
                "delivery": "home_visit",
                "price": 35000,
                "unit": "session",
                "duration_minutes": 60,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 2, 4], "start": "14:00", "minutes": 60, "capacity": 2},
            },
            {
                "title": "족욕 쉼터 한 달 이용권",
                "slug": "eutteum-monthly-pass",
                "summary": "한 달 동안 평일과 토요일 언제든 들러 족욕하며 쉬어 갈 수 있습니다.",
                "description": (
                    "쉼터에 들러 30분 족욕을 하고 따뜻한 차 한 잔을 드립니다. 이웃과 이야기 나누며 쉬어 가는 "
                    "동네 사랑방 같은 곳입니다. 수건은 쉼터에서 드리니 편하게 오세요."
                ),
                "domain": "physical",
                "needs": ["sleep", "stress"],
                "delivery": "venue",
                "price": 50000,
                "unit": "month",
                "duration_minutes": 40,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 1, 2, 3, 4, 5], "start": "10:00", "minutes": 40, "capacity": 8},
            },
            {
                "title": "발 관리사 기초 과정 (한 달, 주 2회)",
                "slug": "eutteum-foot-care-course",
                "summary": "발 관리를 배워 쉼터나 방문 발 관리 일을 시작하고 싶은 분을 위한 과정입니다.",
                "description": (
                    "발의 구조와 위생, 발톱 다듬기, 마사지 방법을 한 달 동안 익힙니다. 과정을 마친 분 가운데 "
                    "원하는 분은 쉼터에서 실습하고 일자리로 이어질 수 있습니다. 경력이 끊긴 여성과 중장년을 "
                    "먼저 모십니다."
                ),
                "domain": "economic",
                "needs": ["jobs", "learning"],
                "delivery": "venue",
                "price": 120000,
                "unit": "month",
                "duration_minutes": 120,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [1, 3], "start": "14:00", "minutes": 120, "capacity": 10},
            },
        ],
    },
    {
        "name": "보문숲길벗 협동조합",
        "slug": "bomun-supgil",
        "kind": "cooperative",
        "district": "jung",
        "address": "대전광역시 중구 보문로 246, 2층",
        "phone": "042-284-9035",
        "email": "bomun-supgil@example.kr",
        "website": "https://bomun-supgil.example.kr",
        "description": (
            "보문산 자락에 사는 주민과 숲 해설가들이 2017년에 만든 협동조합입니다. 걷기 모임과 숲 명상을 "
            "꾸리며, 은퇴한 어르신 조합원들이 숲길 안내자로 일하고 있습니다."
        ),
        "owner": None,
        "services": [
            {
                "title": "숲길 걷기 모임 첫 달 체험",
                "slug": "bomun-walk-trial",
                "summary": "보문산 숲길을 이웃과 함께 걷는 모임을 한 달 동안 부담 없이 해 보세요.",
                "description": (
                    "화요일과 토요일 아침, 숲길 안내자와 함께 한 시간 반쯤 천천히 걷습니다. 처음 오신 분은 "
                    "평평한 길부터 걸으니 운동을 오래 쉬었어도 괜찮습니다. 편한 운동화와 물, 모자를 챙겨 "
                    "오세요. 보문산 공원 입구에서 모입니다."
                ),
                "domain": "physical",
                "needs": ["exercise", "loneliness"],
                "delivery": "venue",
                "price": 10000,
                "unit": "month",
                "duration_minutes": 90,
                "is_experience": True,
                "stock": None,
                "schedule": {"weekdays": [1, 5], "start": "07:00", "minutes": 90, "capacity": 15},
            },
            {
                "title": "보문산 아침 걷기 모임 (월 8회)",
                "slug": "bomun-morning-walk",
                "summary": "한 주에 두 번, 숲길을 걸으며 다리 힘과 하루의 기운을 챙깁니다.",
                "description": (
                    "걷는 속도에 따라 두 모둠으로 나누어 걸으니 자기 걸음대로 따라오시면 됩니다. 걷기 전후로 "
                    "숲 안내자가 스트레칭을 함께합니다. 비가 많이 오는 날은 실내 체조로 바꾸고 전날 문자로 "
                    "알려 드립니다."
                ),
                "domain": "physical",
                "needs": ["exercise"],
                "delivery": "venue",
                "price": 50000,
                "unit": "month",
                "duration_minutes": 90,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [1, 5], "start": "07:00", "minutes": 90, "capacity": 20},
            },
            {
                "title": "숲 명상과 호흡 (2시간)",
                "slug": "bomun-forest-meditation",
                "summary": "숲속에 머물며 숨을 고르고 복잡한 생각을 내려놓는 시간입니다.",
                "description": (
                    "나무 아래에서 천천히 숨 쉬기, 숲 소리 듣기, 맨발로 흙길 걷기를 합니다. 잠을 설치거나 "
                    "걱정이 많은 분께 권합니다. 깔고 앉을 작은 돗자리와 따뜻한 겉옷을 챙겨 오세요."
                ),
                "domain": "mental",
                "needs": ["stress", "sleep", "anxiety"],
                "delivery": "venue",
                "price": 25000,
                "unit": "session",
                "duration_minutes": 120,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [6], "start": "10:00", "minutes": 120, "capacity": 12},
            },
            {
                "title": "천천히 걷기 동행 (집 앞부터)",
                "slug": "bomun-walk-escort",
                "summary": "혼자 산책 나서기가 두려운 어르신 곁에서 집 앞부터 함께 걸어 드립니다.",
                "description": (
                    "숲길 안내자가 댁으로 찾아가 가까운 공원이나 골목길을 함께 걷습니다. 걸음이 느리거나 "
                    "지팡이를 짚는 분도 쉬엄쉬엄 걸을 수 있습니다. 걷는 동안 이야기 나누며 동네 소식도 전해 "
                    "드립니다."
                ),
                "domain": "social",
                "needs": ["loneliness", "frailty"],
                "delivery": "home_visit",
                "price": 25000,
                "unit": "session",
                "duration_minutes": 60,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 2, 4], "start": "10:00", "minutes": 60, "capacity": 2},
            },
            {
                "title": "숲 해설가 입문 과정 (6회)",
                "slug": "bomun-guide-course",
                "summary": "나무와 풀 이름을 익히고 이웃에게 숲을 안내하는 방법을 배웁니다.",
                "description": (
                    "여섯 번에 걸쳐 보문산의 나무와 풀, 새를 알아보고 안내하는 요령을 익힙니다. 과정을 마친 "
                    "분은 조합 걷기 모임에서 보조 안내자로 활동할 수 있습니다. 수첩과 편한 신발을 챙겨 "
                    "오세요."
                ),
                "domain": "education",
                "needs": ["learning", "jobs"],
                "delivery": "venue",
                "price": 90000,
                "unit": "set",
                "duration_minutes": 150,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [3], "start": "13:30", "minutes": 150, "capacity": 15},
            },
        ],
    },
    {
        "name": "갑천물빛 미술치유 사회적협동조합",
        "slug": "gapcheon-mulbit-art",
        "kind": "social_cooperative",
        "district": "seo",
        "address": "대전광역시 서구 갈마로 160, 3층",
        "phone": "042-487-1126",
        "email": "gapcheon-mulbit-art@example.kr",
        "website": "https://gapcheon-mulbit-art.example.kr",
        "description": (
            "미술치료사들이 2020년에 만든 사회적협동조합입니다. 그림과 만들기로 마음을 돌보는 모임을 열고, "
            "홀로 지내는 어르신과 장애 아동이 있는 가정을 찾아가기도 합니다."
        ),
        "owner": None,
        "services": [
            {
                "title": "우울감 극복 미술치료 4회",
                "slug": "mulbit-art-therapy-4",
                "summary": "말로 꺼내기 어려운 마음을 그림으로 풀어내며 기운을 되찾는 네 번의 만남입니다.",
                "description": (
                    "미술치료사와 함께 색과 모양으로 요즘 마음을 표현해 봅니다. 그림을 잘 그리지 못해도 전혀 "
                    "상관없습니다. 여덟 명 안팎의 작은 모둠으로 진행하며, 재료는 모두 준비해 드립니다. 조합 "
                    "3층 미술치료실에서 만납니다."
                ),
                "domain": "mental",
                "needs": ["depression", "stress"],
                "delivery": "venue",
                "price": 120000,
                "unit": "set",
                "duration_minutes": 80,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [2], "start": "10:00", "minutes": 80, "capacity": 8},
            },
            {
                "title": "미술치료 1회 체험",
                "slug": "mulbit-art-trial",
                "summary": "미술치료가 어떤 것인지 한 번 가볍게 경험해 보는 시간입니다.",
                "description": (
                    "간단한 그리기와 만들기를 하며 지금 마음을 돌아봅니다. 마친 뒤에는 치료사와 짧게 이야기 "
                    "나누고, 맞는 프로그램을 안내받을 수 있습니다. 옷에 물감이 묻을 수 있으니 편한 옷을 입고 "
                    "오세요."
                ),
                "domain": "mental",
                "needs": ["stress"],
                "delivery": "venue",
                "price": 10000,
                "unit": "session",
                "duration_minutes": 60,
                "is_experience": True,
                "stock": None,
                "schedule": {"weekdays": [5], "start": "14:00", "minutes": 60, "capacity": 8},
            },
            {
                "title": "어르신 그림일기 모임 (월 4회)",
                "slug": "mulbit-elder-diary",
                "summary": "하루 한 장 그림일기로 이야기를 나누며 이웃과 가까워지는 어르신 모임입니다.",
                "description": (
                    "지난 한 주 있었던 일을 그림과 짧은 글로 남기고 서로 보여 주며 이야기합니다. 글씨가 "
                    "서툴러도 괜찮고, 그림 도구는 모두 드립니다. 모은 그림일기는 연말에 작은 전시로 동네 "
                    "분들께 보여 드립니다."
                ),
                "domain": "social",
                "needs": ["loneliness", "depression"],
                "delivery": "venue",
                "price": 50000,
                "unit": "month",
                "duration_minutes": 90,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [1], "start": "14:00", "minutes": 90, "capacity": 10},
            },
            {
                "title": "아이와 함께 그리는 마음 그림",
                "slug": "mulbit-parent-child",
                "summary": "엄마 아빠와 아이가 함께 그림을 그리며 서로의 마음을 알아 가는 시간입니다.",
                "description": (
                    "다섯 살부터 열 살까지 아이와 보호자가 한 조가 되어 큰 종이에 함께 그립니다. 그림을 마친 "
                    "뒤 치료사가 아이 마음을 읽는 방법을 쉽게 알려 드립니다. 물감이 묻어도 되는 옷을 입혀 "
                    "보내 주세요."
                ),
                "domain": "mental",
                "needs": ["stress"],
                "delivery": "venue",
                "price": 25000,
                "unit": "session",
                "duration_minutes": 90,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [5], "start": "10:30", "minutes": 90, "capacity": 8},
            },
            {
                "title": "찾아가는 미술 놀이 (방문)",
                "slug": "mulbit-home-art",
                "summary": "집 밖에 나오기 어려운 분의 댁으로 미술치료사가 재료를 들고 찾아갑니다.",
                "description": (
                    "몸이 불편하거나 오래 집에만 계신 분과 색칠, 콜라주, 점토 놀이를 합니다. 손을 움직이며 "
                    "이야기 나누다 보면 마음도 한결 가벼워집니다. 재료는 치료사가 챙겨 가니 식탁 하나만 내어 "
                    "주시면 됩니다."
                ),
                "domain": "mental",
                "needs": ["depression", "loneliness"],
                "delivery": "home_visit",
                "price": 35000,
                "unit": "session",
                "duration_minutes": 60,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 3], "start": "14:00", "minutes": 60, "capacity": 1},
            },
        ],
    },
    {
        "name": "새움여성일터 사회적기업",
        "slug": "saeum-women-work",
        "kind": "social_enterprise",
        "district": "jung",
        "address": "대전광역시 중구 중앙로 138, 5층",
        "phone": "042-222-6084",
        "email": "saeum-women-work@example.kr",
        "website": "https://saeum-women-work.example.kr",
        "description": (
            "2012년 인증을 받은 사회적기업으로, 경력이 끊긴 여성이 다시 일할 수 있도록 돕습니다. 직원 "
            "대부분이 이곳을 거쳐 다시 일을 시작한 경력보유여성이며, 상담부터 교육, 일자리 연결까지 한곳에서 "
            "함께합니다."
        ),
        "owner": None,
        "services": [
            {
                "title": "경력보유여성 취업 상담",
                "slug": "saeum-job-counseling",
                "summary": "육아와 돌봄으로 일을 쉬었던 여성이 다시 일을 시작하도록 첫걸음을 함께합니다.",
                "description": (
                    "지금까지 해 온 일과 가진 강점, 원하는 일하는 시간을 차근차근 이야기합니다. 동네에서 "
                    "구할 수 있는 일자리와 받을 수 있는 지원 제도를 알려 드립니다. 예전에 쓰던 이력서가 "
                    "있으면 가져오세요. 상담은 무료입니다."
                ),
                "domain": "economic",
                "needs": ["jobs"],
                "delivery": "venue",
                "price": 0,
                "unit": "session",
                "duration_minutes": 60,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 1, 2, 3, 4], "start": "10:00", "minutes": 60, "capacity": 3},
            },
            {
                "title": "이력서와 면접 준비 교실 (3회)",
                "slug": "saeum-resume-class",
                "summary": "쉬었던 기간도 강점으로 보이게 이력서를 쓰고, 면접을 미리 연습합니다.",
                "description": (
                    "첫 시간에 이력서를, 둘째 시간에 자기소개서를 함께 고쳐 씁니다. 마지막 시간에는 서로 "
                    "면접관이 되어 실제처럼 연습해 봅니다. 노트북이 없어도 교실 컴퓨터를 쓸 수 있습니다."
                ),
                "domain": "economic",
                "needs": ["jobs", "learning"],
                "delivery": "venue",
                "price": 30000,
                "unit": "set",
                "duration_minutes": 120,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [1, 3], "start": "10:00", "minutes": 120, "capacity": 12},
            },
            {
                "title": "요양보호사 시험 준비반 (한 달)",
                "slug": "saeum-caregiver-exam",
                "summary": "요양보호사 자격시험을 한 달 동안 함께 준비하고 일자리까지 이어 드립니다.",
                "description": (
                    "현장 경력이 긴 요양보호사가 시험에 자주 나오는 내용을 쉽게 풀어 줍니다. 모의시험을 두 "
                    "번 치르고 틀린 문제를 함께 살펴봅니다. 합격한 분께는 동네 방문요양 기관의 일자리를 "
                    "소개해 드립니다."
                ),
                "domain": "education",
                "needs": ["learning", "jobs"],
                "delivery": "venue",
                "price": 150000,
                "unit": "month",
                "duration_minutes": 180,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 2, 4], "start": "13:00", "minutes": 180, "capacity": 20},
            },
            {
                "title": "다시 일하기 이야기 모임 체험",
                "slug": "saeum-restart-trial",
                "summary": "다시 일을 시작한 선배 엄마들의 이야기를 듣고 고민을 나누는 모임입니다.",
                "description": (
                    "일을 쉬다가 다시 시작한 선배들이 어떻게 첫 출근을 준비했는지 들려줍니다. 아이 맡기기, "
                    "가족과 집안일 나누기처럼 현실적인 고민도 함께 나눕니다. 차와 간식을 준비해 두니 가벼운 "
                    "마음으로 오세요."
                ),
                "domain": "economic",
                "needs": ["jobs", "stress"],
                "delivery": "venue",
                "price": 5000,
                "unit": "session",
                "duration_minutes": 90,
                "is_experience": True,
                "stock": None,
                "schedule": {"weekdays": [4], "start": "10:30", "minutes": 90, "capacity": 10},
            },
            {
                "title": "집에서 하는 화상 면접 연습",
                "slug": "saeum-online-interview",
                "summary": "요즘 늘어난 화상 면접을 집에서 미리 연습해 볼 수 있습니다.",
                "description": (
                    "화면 너머로 면접관과 지원자 역할을 번갈아 맡으며 실제처럼 연습합니다. 카메라 각도와 "
                    "조명, 말하는 속도까지 하나하나 조언해 드립니다. 카메라가 달린 컴퓨터나 스마트폰을 "
                    "준비해 주세요."
                ),
                "domain": "economic",
                "needs": ["jobs"],
                "delivery": "online",
                "price": 20000,
                "unit": "session",
                "duration_minutes": 60,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [2], "start": "20:00", "minutes": 60, "capacity": 10},
            },
        ],
    },
    {
        "name": "살림길 재무상담 협동조합",
        "slug": "salimgil-finance",
        "kind": "cooperative",
        "district": "dong",
        "address": "대전광역시 동구 대전로 825, 2층",
        "phone": "042-672-3349",
        "email": "salimgil-finance@example.kr",
        "website": "https://salimgil-finance.example.kr",
        "description": (
            "은행과 복지관에서 일했던 조합원들이 2019년에 만든 재무상담 협동조합입니다. 빚과 생활비 걱정이 "
            "있는 이웃이 부담 없이 찾아올 수 있도록 상담비를 낮게 정했고, 받을 수 있는 공공 지원도 함께 찾아 "
            "드립니다."
        ),
        "owner": None,
        "services": [
            {
                "title": "생활 재무 상담 1회",
                "slug": "salimgil-finance-counseling",
                "summary": "매달 모자란 생활비, 어디서 새는지 재무 상담사와 함께 살펴봅니다.",
                "description": (
                    "한 달 동안 들어오고 나가는 돈을 함께 정리하고 줄일 수 있는 곳을 찾습니다. 받을 수 있는 "
                    "복지 제도와 지원금도 함께 알아봅니다. 통장 내역이나 고지서를 가져오시면 더 자세히 살펴 "
                    "드립니다."
                ),
                "domain": "economic",
                "needs": ["finances", "stress"],
                "delivery": "venue",
                "price": 20000,
                "unit": "session",
                "duration_minutes": 60,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 1, 2, 3, 4], "start": "10:00", "minutes": 60, "capacity": 2},
            },
            {
                "title": "빚 걱정 상담과 채무 조정 안내",
                "slug": "salimgil-debt-counseling",
                "summary": "빚 때문에 잠 못 드는 분께 갚아 나갈 길과 채무 조정 제도를 안내합니다.",
                "description": (
                    "지금 남은 빚과 이자, 갚을 수 있는 금액을 함께 정리합니다. 개인회생이나 신용회복 같은 "
                    "제도가 맞는지 쉽게 설명하고, 필요하면 신청 기관까지 연결해 드립니다. 상담은 무료이며 "
                    "비밀은 꼭 지킵니다."
                ),
                "domain": "economic",
                "needs": ["finances"],
                "delivery": "venue",
                "price": 0,
                "unit": "session",
                "duration_minutes": 60,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [1, 3], "start": "14:00", "minutes": 60, "capacity": 2},
            },
            {
                "title": "어르신 연금과 돈 관리 교실",
                "slug": "salimgil-elder-money",
                "summary": "연금을 아껴 쓰는 법과 노인을 노린 금융 사기를 피하는 법을 알려 드립니다.",
                "description": (
                    "국민연금과 기초연금을 어떻게 받고 나누어 쓸지 쉬운 말로 설명합니다. 전화 사기와 문자 "
                    "사기에 속지 않는 방법도 실제 예를 들어 알려 드립니다. 받고 계신 연금 안내문이 있으면 "
                    "가져오세요."
                ),
                "domain": "economic",
                "needs": ["finances", "learning"],
                "delivery": "venue",
                "price": 10000,
                "unit": "session",
                "duration_minutes": 90,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [2], "start": "10:00", "minutes": 90, "capacity": 20},
            },
            {
                "title": "청년 첫 월급 관리 온라인 교실",
                "slug": "salimgil-youth-online",
                "summary": "첫 월급을 받은 청년이 저축과 생활비를 나누는 법을 온라인으로 배웁니다.",
                "description": (
                    "월급을 받자마자 나누어 두는 통장 쪼개기와 비상금 만들기를 알려 드립니다. 청년이 받을 수 "
                    "있는 저축 지원 제도도 함께 살펴봅니다. 퇴근 뒤 집에서 편하게 들을 수 있도록 저녁에 "
                    "엽니다."
                ),
                "domain": "economic",
                "needs": ["finances", "learning"],
                "delivery": "online",
                "price": 10000,
                "unit": "session",
                "duration_minutes": 90,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [3], "start": "20:00", "minutes": 90, "capacity": 30},
            },
            {
                "title": "가계부 쓰기 모임 체험",
                "slug": "salimgil-budget-trial",
                "summary": "이웃과 함께 가계부를 써 보며 살림을 다시 세우는 작은 모임입니다.",
                "description": (
                    "한 주 동안 쓴 돈을 함께 적어 보고, 아낄 수 있는 곳을 서로 나눕니다. 종이 가계부를 "
                    "드리고, 원하면 스마트폰 가계부 쓰는 법도 알려 드립니다. 영수증이나 카드 내역을 "
                    "가져오시면 좋습니다."
                ),
                "domain": "economic",
                "needs": ["finances"],
                "delivery": "venue",
                "price": 3000,
                "unit": "session",
                "duration_minutes": 60,
                "is_experience": True,
                "stock": None,
                "schedule": {"weekdays": [5], "start": "10:00", "minutes": 60, "capacity": 10},
            },
        ],
    },
    {
        "name": "디지털이음 배움터",
        "slug": "digital-eum",
        "kind": "pre_social_enterprise",
        "district": "daedeok",
        "address": "대전광역시 대덕구 한밭대로 1027, 3층",
        "phone": "042-627-5518",
        "email": "digital-eum@example.kr",
        "website": "https://digital-eum.example.kr",
        "description": (
            "2022년 예비사회적기업으로 지정된 디지털 교육 기업입니다. 대학생과 은퇴한 기술자가 강사로 "
            "함께하며, 스마트폰과 키오스크가 낯선 어르신이 혼자서도 편하게 쓸 수 있도록 천천히 가르칩니다."
        ),
        "owner": None,
        "services": [
            {
                "title": "어르신 디지털 교실 — 스마트폰 기초 (월 8회)",
                "slug": "digital-eum-smartphone-basic",
                "summary": "전화 걸기부터 사진 보내기까지 스마트폰을 처음부터 천천히 배웁니다.",
                "description": (
                    "글자 크게 하기, 전화번호 저장, 문자와 사진 보내기를 한 가지씩 익힙니다. 강사 한 명이 "
                    "어르신 네 분을 돌보니 모르는 것은 몇 번이고 물어보셔도 됩니다. 쓰고 계신 스마트폰과 "
                    "충전기를 꼭 가져오세요."
                ),
                "domain": "education",
                "needs": ["digital", "learning"],
                "delivery": "venue",
                "price": 50000,
                "unit": "month",
                "duration_minutes": 90,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [1, 3], "start": "10:00", "minutes": 90, "capacity": 12},
            },
            {
                "title": "키오스크 주문 연습 체험",
                "slug": "digital-eum-kiosk-trial",
                "summary": "식당과 병원에 있는 주문 기계를 연습용 기계로 마음 편히 눌러 봅니다.",
                "description": (
                    "햄버거 가게, 카페, 병원 접수 화면을 그대로 옮긴 연습 기계로 주문해 봅니다. 뒤에 사람이 "
                    "기다리지 않으니 천천히 눌러 보셔도 됩니다. 따로 준비할 것은 없고 참가비도 없습니다."
                ),
                "domain": "education",
                "needs": ["digital"],
                "delivery": "venue",
                "price": 0,
                "unit": "session",
                "duration_minutes": 60,
                "is_experience": True,
                "stock": None,
                "schedule": {"weekdays": [2], "start": "14:00", "minutes": 60, "capacity": 8},
            },
            {
                "title": "집으로 찾아가는 스마트폰 도우미",
                "slug": "digital-eum-home-helper",
                "summary": "교실에 오기 힘든 분 댁으로 강사가 찾아가 스마트폰 쓰는 법을 도와 드립니다.",
                "description": (
                    "평소 쓰시는 스마트폰으로 궁금했던 것을 하나하나 풀어 드립니다. 병원 예약, 약 알림 "
                    "맞추기, 가족 사진 보기처럼 꼭 필요한 것부터 함께 해 봅니다. 배운 내용은 큰 글씨 종이에 "
                    "적어 두고 갑니다."
                ),
                "domain": "education",
                "needs": ["digital"],
                "delivery": "home_visit",
                "price": 20000,
                "unit": "session",
                "duration_minutes": 60,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 4], "start": "14:00", "minutes": 60, "capacity": 2},
            },
            {
                "title": "영상통화로 가족 만나기 교실",
                "slug": "digital-eum-video-call",
                "summary": "멀리 사는 자녀와 손주 얼굴을 보며 통화하는 법을 배우는 하루 교실입니다.",
                "description": (
                    "영상통화 걸고 받기, 화면 돌리기, 단체 통화 참여하기를 연습합니다. 수업이 끝날 때쯤 "
                    "가족에게 직접 영상통화를 걸어 봅니다. 가족 전화번호가 저장된 스마트폰을 가져오세요."
                ),
                "domain": "social",
                "needs": ["loneliness", "digital"],
                "delivery": "venue",
                "price": 10000,
                "unit": "session",
                "duration_minutes": 90,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [4], "start": "10:00", "minutes": 90, "capacity": 10},
            },
            {
                "title": "은행 앱과 온라인 장보기 교실 (4회)",
                "slug": "digital-eum-banking-app",
                "summary": "은행 앱으로 돈 보내기와 온라인으로 장보기를 안전하게 배웁니다.",
                "description": (
                    "은행 앱 설치, 잔액 확인, 돈 보내기를 연습 계좌로 안전하게 해 봅니다. 온라인 장보기와 "
                    "배달 주문, 가짜 문자 구별하는 법도 함께 배웁니다. 쓰는 은행의 통장과 신분증을 챙겨 "
                    "오세요."
                ),
                "domain": "education",
                "needs": ["digital", "finances"],
                "delivery": "venue",
                "price": 40000,
                "unit": "set",
                "duration_minutes": 90,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0], "start": "10:00", "minutes": 90, "capacity": 12},
            },
        ],
    },
    {
        "name": "한결돌봄 자활기업",
        "slug": "hangyeol-care",
        "kind": "self_sufficiency",
        "district": "dong",
        "address": "대전광역시 동구 동대전로 210, 1층",
        "phone": "042-631-8872",
        "email": "hangyeol-care@example.kr",
        "website": "",
        "description": (
            "지역자활센터의 돌봄 사업단에서 시작해 2017년 자활기업으로 자리 잡았습니다. 요양보호사 자격을 "
            "갖춘 주민 15명이 일하며, 혼자 씻거나 끼니를 챙기기 어려운 어르신과 장애인의 집을 찾아갑니다."
        ),
        "owner": None,
        "services": [
            {
                "title": "방문 목욕 (1회 70분)",
                "slug": "hangyeol-home-bath",
                "summary": "혼자 씻기 어려운 분의 댁으로 요양보호사 두 명이 찾아가 목욕을 도와 드립니다.",
                "description": (
                    "두 사람이 함께 방문해 미끄러지지 않게 부축하며 머리 감기와 목욕을 돕습니다. 목욕 뒤에는 "
                    "보습과 옷 갈아입기, 손발톱 정리까지 해 드립니다. 필요한 목욕 의자와 미끄럼 방지 깔개는 "
                    "저희가 가져갑니다. 동구 전역에 방문합니다."
                ),
                "domain": "physical",
                "needs": ["frailty", "care"],
                "delivery": "home_visit",
                "price": 45000,
                "unit": "session",
                "duration_minutes": 70,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 1, 2, 3, 4], "start": "09:30", "minutes": 70, "capacity": 2},
            },
            {
                "title": "방문 목욕 첫 이용 체험",
                "slug": "hangyeol-bath-trial",
                "summary": "방문 목욕이 낯선 분을 위해 머리 감기와 발 씻기부터 가볍게 해 드립니다.",
                "description": (
                    "처음부터 온몸 목욕이 부담스러운 분을 위해 머리 감기와 족욕만 먼저 해 봅니다. 욕실 "
                    "구조를 살펴 다음 목욕을 더 안전하게 준비합니다. 가족이 함께 계시면 돌봄 방법도 알려 "
                    "드립니다."
                ),
                "domain": "physical",
                "needs": ["frailty", "care"],
                "delivery": "home_visit",
                "price": 15000,
                "unit": "session",
                "duration_minutes": 50,
                "is_experience": True,
                "stock": None,
                "schedule": {"weekdays": [1, 3], "start": "14:00", "minutes": 50, "capacity": 1},
            },
            {
                "title": "방문 식사 도움 (주 3회, 한 달)",
                "slug": "hangyeol-meal-help",
                "summary": "끼니를 챙기기 힘든 분 댁에서 밥을 차리고 식사를 곁에서 도와 드립니다.",
                "description": (
                    "요양보호사가 한 주에 세 번 점심 무렵 찾아가 간단한 밥상을 차려 드립니다. 드시는 양과 "
                    "삼키는 모습을 살피고, 걱정되는 점은 가족께 알려 드립니다. 장보기가 필요하면 미리 말씀해 "
                    "주세요."
                ),
                "domain": "physical",
                "needs": ["nutrition", "care"],
                "delivery": "home_visit",
                "price": 150000,
                "unit": "month",
                "duration_minutes": 60,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 2, 4], "start": "11:30", "minutes": 60, "capacity": 3},
            },
            {
                "title": "집안 정리와 생활 돌봄 (시간제)",
                "slug": "hangyeol-daily-care",
                "summary": "빨래, 설거지, 장보기처럼 혼자 하기 벅찬 집안일을 시간 단위로 도와 드립니다.",
                "description": (
                    "필요한 만큼 시간을 정해 요양보호사가 방문합니다. 집안일을 도우면서 약은 잘 챙겨 "
                    "드시는지, 불편한 곳은 없는지 함께 살핍니다. 두 시간 이상 이용을 권합니다."
                ),
                "domain": "social",
                "needs": ["care", "frailty"],
                "delivery": "home_visit",
                "price": 18000,
                "unit": "hour",
                "duration_minutes": 60,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 1, 2, 3, 4, 5], "start": "10:00", "minutes": 60, "capacity": 3},
            },
        ],
    },
    {
        "name": "다온결 방문건강 사회적협동조합",
        "slug": "daongyeol-home-health",
        "kind": "social_cooperative",
        "district": "yuseong",
        "address": "대전광역시 유성구 노은로 205, 2층",
        "phone": "042-822-9340",
        "email": "daongyeol-home-health@example.kr",
        "website": "https://daongyeol-home-health.example.kr",
        "description": (
            "간호사와 사회복지사가 2018년에 함께 세운 사회적협동조합입니다. 병원에 자주 가기 어려운 어르신 "
            "댁을 찾아가 혈압과 혈당을 살피고, 약 먹는 방법과 생활 습관을 쉬운 말로 알려 드립니다."
        ),
        "owner": None,
        "services": [
            {
                "title": "방문 간호 상담 (혈압·혈당 확인)",
                "slug": "daongyeol-nurse-visit",
                "summary": "간호사가 집으로 찾아가 혈압과 혈당을 재고 건강 걱정을 함께 살핍니다.",
                "description": (
                    "간호사가 방문해 혈압과 혈당, 몸무게를 재고 지난번과 비교해 알려 드립니다. 드시는 약을 "
                    "함께 살펴보고 빠뜨리지 않고 먹는 방법을 정리해 드립니다. 드시는 약 봉투와 최근 검사 "
                    "결과지가 있으면 꺼내 두세요. 유성구 전역에 방문합니다."
                ),
                "domain": "physical",
                "needs": ["chronic-care"],
                "delivery": "home_visit",
                "price": 30000,
                "unit": "session",
                "duration_minutes": 50,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 1, 2, 3, 4], "start": "10:00", "minutes": 50, "capacity": 3},
            },
            {
                "title": "방문 간호 상담 첫 만남 체험",
                "slug": "daongyeol-nurse-trial",
                "summary": "방문 간호가 어떤 도움이 되는지 30분 동안 가볍게 경험해 보세요.",
                "description": (
                    "간호사가 찾아가 혈압을 재고 지금 가장 걱정되는 건강 문제를 여쭙니다. 앞으로 어떤 방문이 "
                    "도움이 될지 함께 의논합니다. 자녀분이 전화로 함께 들으셔도 좋습니다."
                ),
                "domain": "physical",
                "needs": ["chronic-care"],
                "delivery": "home_visit",
                "price": 10000,
                "unit": "session",
                "duration_minutes": 30,
                "is_experience": True,
                "stock": None,
                "schedule": {"weekdays": [2, 4], "start": "15:00", "minutes": 30, "capacity": 2},
            },
            {
                "title": "퇴원 뒤 회복 돌봄 방문 (한 달 4회)",
                "slug": "daongyeol-after-discharge",
                "summary": "병원에서 퇴원한 뒤 집에서 잘 회복하도록 간호사가 한 주에 한 번 찾아갑니다.",
                "description": (
                    "수술 부위와 상처를 살피고, 퇴원할 때 받은 주의 사항을 잘 지키는지 함께 봅니다. 다시 "
                    "병원에 가야 할 증상이 보이면 바로 알려 드립니다. 퇴원 안내문과 약 목록을 준비해 주세요."
                ),
                "domain": "physical",
                "needs": ["frailty", "care"],
                "delivery": "home_visit",
                "price": 150000,
                "unit": "month",
                "duration_minutes": 60,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 2, 4], "start": "13:30", "minutes": 60, "capacity": 2},
            },
            {
                "title": "혈압 잘 다스리기 교실 (4회)",
                "slug": "daongyeol-bp-class",
                "summary": "고혈압이 있는 분이 식사와 운동, 약으로 혈압을 다스리는 법을 배웁니다.",
                "description": (
                    "간호사가 혈압이 오르는 까닭과 집에서 혈압 재는 방법을 쉽게 알려 드립니다. 싱겁게 먹는 "
                    "요령과 집에서 할 수 있는 운동도 함께 배웁니다. 혈압 수첩이 있으면 가져오시고, 없으면 "
                    "드립니다."
                ),
                "domain": "education",
                "needs": ["chronic-care", "learning"],
                "delivery": "venue",
                "price": 20000,
                "unit": "set",
                "duration_minutes": 90,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [3], "start": "10:00", "minutes": 90, "capacity": 15},
            },
            {
                "title": "간호사 화상 건강 상담 (30분)",
                "slug": "daongyeol-online-consult",
                "summary": "병원에 가야 할지 망설여질 때 간호사와 화상으로 먼저 이야기해 보세요.",
                "description": (
                    "화상으로 간호사를 만나 걱정되는 증상이나 약에 대한 궁금증을 묻습니다. 병원에 가야 "
                    "하는지, 어느 진료과로 가면 좋은지 안내해 드립니다. 예약하면 문자로 화상 상담 주소를 "
                    "보내 드리며, 상담비는 없습니다."
                ),
                "domain": "physical",
                "needs": ["chronic-care", "anxiety"],
                "delivery": "online",
                "price": 0,
                "unit": "session",
                "duration_minutes": 30,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [1, 3], "start": "19:00", "minutes": 30, "capacity": 4},
            },
        ],
    },
    {
        "name": "도솔수제비누 자활기업",
        "slug": "dosol-soap",
        "kind": "self_sufficiency",
        "district": "seo",
        "address": "대전광역시 서구 둔산로 74, 지하 1층",
        "phone": "042-471-2290",
        "email": "dosol-soap@example.kr",
        "website": "https://dosol-soap.example.kr",
        "description": (
            "지역자활센터 비누 공방 사업단에서 출발해 2020년 자활기업이 되었습니다. 일자리를 다시 찾은 주민 "
            "9명이 순한 재료로 비누를 만들며, 피부가 약한 어르신과 아기를 위한 제품을 주로 만듭니다."
        ),
        "owner": None,
        "services": [
            {
                "title": "라벤더 숙면 비누 세트 (3개)",
                "slug": "dosol-lavender-set",
                "summary": "잠들기 전 씻을 때 은은한 라벤더 향으로 마음을 풀어 주는 비누 세 개입니다.",
                "description": (
                    "라벤더 기름과 귀리를 넣어 한 달 동안 천천히 숙성한 비누입니다. 거품이 부드럽고 향이 "
                    "은은해 저녁에 쓰기 좋습니다. 선물 상자에 담아 보내 드립니다."
                ),
                "domain": "physical",
                "needs": ["sleep", "stress"],
                "delivery": "shipped",
                "price": 18000,
                "unit": "set",
                "duration_minutes": None,
                "is_experience": False,
                "stock": 120,
                "schedule": None,
            },
            {
                "title": "어르신 보습 비누 (향 없음)",
                "slug": "dosol-moisture-soap",
                "summary": "건조하고 약해진 어르신 피부를 위해 향을 빼고 순하게 만든 비누입니다.",
                "description": (
                    "올리브 기름과 시어버터를 넉넉히 넣어 씻은 뒤에도 당기지 않습니다. 향료와 색소를 넣지 "
                    "않아 피부가 예민한 분도 쓰기 좋습니다. 한 개로 한 달 남짓 쓸 수 있습니다."
                ),
                "domain": "physical",
                "needs": ["frailty", "care"],
                "delivery": "shipped",
                "price": 8000,
                "unit": "item",
                "duration_minutes": None,
                "is_experience": False,
                "stock": 200,
                "schedule": None,
            },
            {
                "title": "천연 비누 만들기 체험",
                "slug": "dosol-soap-trial",
                "summary": "이웃과 둘러앉아 나만의 비누를 만들며 수다로 마음을 푸는 시간입니다.",
                "description": (
                    "공방 선생님과 함께 비누 재료를 녹이고 향과 색을 골라 틀에 붓습니다. 만든 비누 두 개는 "
                    "포장해서 가져가실 수 있습니다. 앞치마는 공방에서 빌려 드립니다."
                ),
                "domain": "social",
                "needs": ["loneliness", "stress"],
                "delivery": "venue",
                "price": 12000,
                "unit": "session",
                "duration_minutes": 90,
                "is_experience": True,
                "stock": None,
                "schedule": {"weekdays": [5], "start": "14:00", "minutes": 90, "capacity": 10},
            },
            {
                "title": "비누 공방 일 배움 과정 (한 달)",
                "slug": "dosol-work-course",
                "summary": "비누 만드는 일을 배워 공방에서 일하고 싶은 분을 위한 무료 과정입니다.",
                "description": (
                    "한 달 동안 비누 만들기와 포장, 재고 정리를 공방에서 직접 해 봅니다. 과정을 마치면 공방 "
                    "일자리나 지역자활센터의 다른 사업단으로 이어 드립니다. 오랫동안 일을 쉬었던 분도 "
                    "환영합니다."
                ),
                "domain": "economic",
                "needs": ["jobs", "learning"],
                "delivery": "venue",
                "price": 0,
                "unit": "month",
                "duration_minutes": 180,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 2, 4], "start": "10:00", "minutes": 180, "capacity": 6},
            },
        ],
    },
    {
        "name": "계족산들차 마을기업",
        "slug": "gyejok-deulcha",
        "kind": "village_enterprise",
        "district": "daedeok",
        "address": "대전광역시 대덕구 동춘당로 114, 1층",
        "phone": "042-626-4153",
        "email": "gyejok-deulcha@example.kr",
        "website": "",
        "description": (
            "계족산 아래 마을 주민들이 2016년에 함께 만든 마을기업입니다. 마을 텃밭에서 기른 대추와 생강, "
            "쑥으로 건강 차를 만들고, 마을 어르신들이 찻잎 덖기와 포장을 함께 맡고 있습니다."
        ),
        "owner": None,
        "services": [
            {
                "title": "잠 잘 오는 대추 생강차 세트",
                "slug": "gyejok-jujube-tea-set",
                "summary": "마을에서 기른 대추와 생강을 달여 저녁에 마시기 좋은 따뜻한 차입니다.",
                "description": (
                    "대추와 생강을 썰어 말린 뒤 알맞게 섞어 스무 봉지에 나누어 담았습니다. 뜨거운 물에 한 "
                    "봉지를 5분쯤 우려 드시면 됩니다. 설탕을 넣지 않아 당이 걱정되는 분도 편하게 드실 수 "
                    "있습니다."
                ),
                "domain": "physical",
                "needs": ["sleep"],
                "delivery": "shipped",
                "price": 25000,
                "unit": "set",
                "duration_minutes": None,
                "is_experience": False,
                "stock": 80,
                "schedule": None,
            },
            {
                "title": "건강 차 정기 배송 (월 1회)",
                "slug": "gyejok-tea-monthly",
                "summary": "철마다 달라지는 마을 차 네 가지를 한 달에 한 번 집으로 보내 드립니다.",
                "description": (
                    "봄에는 쑥차, 여름에는 보리차, 가을에는 대추차, 겨울에는 생강차를 중심으로 꾸립니다. "
                    "차마다 우리는 방법과 어울리는 때를 적은 안내문을 함께 넣습니다. 매달 10일 무렵 보내 "
                    "드립니다."
                ),
                "domain": "physical",
                "needs": ["sleep", "nutrition"],
                "delivery": "shipped",
                "price": 50000,
                "unit": "month",
                "duration_minutes": None,
                "is_experience": False,
                "stock": 40,
                "schedule": None,
            },
            {
                "title": "차 마시며 이웃 만나는 수요 모임",
                "slug": "gyejok-tea-talk",
                "summary": "마을 찻집에 둘러앉아 따뜻한 차 한 잔과 함께 이야기 나누는 모임입니다.",
                "description": (
                    "혼자 지내는 시간이 긴 분들이 모여 차를 마시며 이런저런 이야기를 나눕니다. 가끔은 마을 "
                    "어르신이 옛날 이야기나 노래를 들려주십니다. 찻값만 받으니 부담 없이 오세요."
                ),
                "domain": "social",
                "needs": ["loneliness", "depression"],
                "delivery": "venue",
                "price": 5000,
                "unit": "session",
                "duration_minutes": 90,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [2], "start": "14:00", "minutes": 90, "capacity": 12},
            },
            {
                "title": "찻잎 덖기 체험",
                "slug": "gyejok-tea-roast-trial",
                "summary": "마을 어르신과 함께 가마솥에 찻잎을 덖어 나만의 차를 만들어 봅니다.",
                "description": (
                    "손으로 찻잎을 비비고 덖는 옛 방법을 마을 어르신께 배웁니다. 만든 차는 작은 봉투에 담아 "
                    "가져가실 수 있습니다. 뜨거운 솥을 다루니 긴소매 옷을 입고 오세요."
                ),
                "domain": "social",
                "needs": ["loneliness", "learning"],
                "delivery": "venue",
                "price": 10000,
                "unit": "session",
                "duration_minutes": 120,
                "is_experience": True,
                "stock": None,
                "schedule": {"weekdays": [5], "start": "10:00", "minutes": 120, "capacity": 12},
            },
        ],
    },
    {
        "name": "손맛이음 건강반찬 사회적기업",
        "slug": "sonmat-eum-banchan",
        "kind": "social_enterprise",
        "district": "dong",
        "address": "대전광역시 동구 계족로 372, 1층",
        "phone": "042-283-7716",
        "email": "sonmat-eum-banchan@example.kr",
        "website": "https://sonmat-eum-banchan.example.kr",
        "description": (
            "2015년 인증을 받은 사회적기업으로, 발달장애 청년 11명과 조리사들이 함께 반찬을 만듭니다. 싱겁고 "
            "부드러운 반찬으로 혼자 사는 어르신과 만성질환이 있는 분의 밥상을 돕습니다."
        ),
        "owner": None,
        "services": [
            {
                "title": "저염 건강 반찬 정기 배송 (주 1회)",
                "slug": "sonmat-banchan-weekly",
                "summary": "한 주에 한 번, 싱겁게 만든 반찬 다섯 가지를 집 앞까지 가져다 드립니다.",
                "description": (
                    "매주 화요일 오후에 국 하나와 반찬 네 가지를 보냅니다. 영양사가 한 달 식단을 짜서 같은 "
                    "반찬이 겹치지 않도록 합니다. 못 드시는 재료나 삼키기 불편한 음식이 있으면 미리 알려 "
                    "주세요. 대전 시내 어디든 보내 드립니다."
                ),
                "domain": "physical",
                "needs": ["nutrition", "chronic-care"],
                "delivery": "shipped",
                "price": 88000,
                "unit": "month",
                "duration_minutes": None,
                "is_experience": False,
                "stock": 50,
                "schedule": None,
            },
            {
                "title": "반찬 한 끼 체험 세트",
                "slug": "sonmat-banchan-trial",
                "summary": "정기 배송 전에 한 끼 분량의 반찬 세 가지로 맛과 간을 먼저 보세요.",
                "description": (
                    "이번 주 반찬 가운데 세 가지를 골라 한 끼 분량으로 담아 보냅니다. 드셔 보신 뒤 간이 "
                    "맞는지, 더 부드러워야 하는지 알려 주시면 반영합니다. 받은 날 안에 드시는 것이 가장 "
                    "맛있습니다."
                ),
                "domain": "physical",
                "needs": ["nutrition"],
                "delivery": "shipped",
                "price": 9000,
                "unit": "set",
                "duration_minutes": None,
                "is_experience": True,
                "stock": 150,
                "schedule": None,
            },
            {
                "title": "영양사 방문 밥상 상담",
                "slug": "sonmat-nutrition-visit",
                "summary": "영양사가 댁으로 찾아가 혈압과 혈당에 맞는 밥상 차리는 법을 알려 드립니다.",
                "description": (
                    "영양사가 부엌과 냉장고를 함께 살피며 평소 드시는 음식을 여쭙습니다. 집에 있는 재료로 "
                    "싱겁게 차리는 요령을 알려 드리고, 장보기 목록과 일주일 식단표를 적어 드립니다. 최근 "
                    "건강검진 결과지가 있으면 꺼내 두세요. 동구와 대덕구에 방문합니다."
                ),
                "domain": "physical",
                "needs": ["nutrition", "chronic-care"],
                "delivery": "home_visit",
                "price": 30000,
                "unit": "session",
                "duration_minutes": 50,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [1, 3], "start": "14:00", "minutes": 50, "capacity": 2},
            },
            {
                "title": "발달장애 청년 조리 직무 실습 (한 달)",
                "slug": "sonmat-kitchen-training",
                "summary": "요리에 관심 있는 발달장애 청년이 조리 현장에서 일을 배우는 실습 과정입니다.",
                "description": (
                    "조리사 선생님과 짝을 지어 재료 손질, 위생 관리, 포장을 차근차근 익힙니다. 실습을 잘 "
                    "마친 청년은 반찬 공장 일자리로 이어질 수 있습니다. 보호자와 함께 첫 상담을 받은 뒤 "
                    "시작합니다."
                ),
                "domain": "economic",
                "needs": ["jobs"],
                "delivery": "venue",
                "price": 0,
                "unit": "month",
                "duration_minutes": 240,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 1, 2, 3, 4], "start": "09:00", "minutes": 240, "capacity": 6},
            },
        ],
    },
    {
        "name": "숨결요가 협동조합",
        "slug": "sumgyeol-yoga",
        "kind": "cooperative",
        "district": "yuseong",
        "address": "대전광역시 유성구 온천로 65, 3층",
        "phone": "042-824-6631",
        "email": "sumgyeol-yoga@example.kr",
        "website": "https://sumgyeol-yoga.example.kr",
        "description": (
            "요가 강사 7명이 2019년에 함께 만든 협동조합으로, 누구나 부담 없이 몸을 움직일 수 있는 수업을 "
            "엽니다. 무릎과 허리가 불편한 어르신, 아기를 키우는 부모를 위한 수업을 따로 마련했습니다."
        ),
        "owner": None,
        "services": [
            {
                "title": "의자 요가 (어르신, 월 8회)",
                "slug": "sumgyeol-chair-yoga",
                "summary": "바닥에 앉기 힘든 분도 의자에 앉아 편하게 따라 하는 어르신 요가입니다.",
                "description": (
                    "의자에 앉거나 의자를 잡고 서서 굳은 어깨와 무릎을 천천히 풀어 줍니다. 숨 고르기와 균형 "
                    "잡기를 함께 해 넘어지지 않는 몸을 만듭니다. 편한 옷과 물을 챙겨 오세요."
                ),
                "domain": "physical",
                "needs": ["exercise", "frailty"],
                "delivery": "venue",
                "price": 55000,
                "unit": "month",
                "duration_minutes": 50,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [1, 3], "start": "10:00", "minutes": 50, "capacity": 14},
            },
            {
                "title": "잠 잘 오는 저녁 요가 (월 4회)",
                "slug": "sumgyeol-evening-yoga",
                "summary": "하루 긴장을 풀고 푹 잠들 수 있도록 돕는 느린 저녁 요가입니다.",
                "description": (
                    "조명을 낮춘 방에서 몸을 천천히 늘이고 숨을 길게 내쉬는 동작을 합니다. 마지막 15분은 "
                    "누워서 온몸의 힘을 빼는 시간입니다. 요가 매트는 빌려 드리고, 얇은 담요를 가져오시면 "
                    "좋습니다."
                ),
                "domain": "physical",
                "needs": ["sleep", "stress"],
                "delivery": "venue",
                "price": 50000,
                "unit": "month",
                "duration_minutes": 60,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [3], "start": "20:00", "minutes": 60, "capacity": 15},
            },
            {
                "title": "요가 첫 수업 체험",
                "slug": "sumgyeol-yoga-trial",
                "summary": "요가가 처음인 분이 몸에 무리 없이 한 번 경험해 보는 수업입니다.",
                "description": (
                    "기본 동작 몇 가지와 숨 쉬는 법을 차근차근 알려 드립니다. 몸이 뻣뻣해도 괜찮으니 편한 "
                    "옷만 입고 오세요. 수업이 끝나면 몸 상태에 맞는 정규 수업을 안내해 드립니다."
                ),
                "domain": "physical",
                "needs": ["exercise"],
                "delivery": "venue",
                "price": 8000,
                "unit": "session",
                "duration_minutes": 60,
                "is_experience": True,
                "stock": None,
                "schedule": {"weekdays": [0, 2, 4], "start": "19:00", "minutes": 60, "capacity": 15},
            },
            {
                "title": "온라인 아침 스트레칭 (월 12회)",
                "slug": "sumgyeol-online-stretch",
                "summary": "출근 전이나 아이 등원 뒤, 집에서 화면을 보며 30분 동안 몸을 깨웁니다.",
                "description": (
                    "강사가 화면으로 동작을 보여 주고 참가자의 자세도 살펴 드립니다. 거실에 매트 한 장 펼 "
                    "자리만 있으면 됩니다. 한 주에 세 번, 한 달 동안 이어집니다."
                ),
                "domain": "physical",
                "needs": ["exercise"],
                "delivery": "online",
                "price": 50000,
                "unit": "month",
                "duration_minutes": 30,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 2, 4], "start": "07:00", "minutes": 30, "capacity": 30},
            },
            {
                "title": "아기 엄마 아빠 회복 요가",
                "slug": "sumgyeol-postpartum-yoga",
                "summary": "출산 뒤 몸을 회복하고 육아로 뭉친 어깨를 푸는 부모 요가입니다.",
                "description": (
                    "아기를 안고 달래느라 굳은 허리와 어깨를 부드럽게 풀어 줍니다. 돌 전 아기는 데려와 곁에 "
                    "눕혀 두셔도 됩니다. 아기 담요와 기저귀 가방을 챙겨 오세요."
                ),
                "domain": "physical",
                "needs": ["exercise", "stress"],
                "delivery": "venue",
                "price": 20000,
                "unit": "session",
                "duration_minutes": 60,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [1], "start": "11:00", "minutes": 60, "capacity": 10},
            },
        ],
    },
    {
        "name": "시니어손길 예비사회적기업",
        "slug": "senior-songil",
        "kind": "pre_social_enterprise",
        "district": "daedeok",
        "address": "대전광역시 대덕구 대덕대로 1513, 2층",
        "phone": "042-639-1427",
        "email": "senior-songil@example.kr",
        "website": "",
        "description": (
            "퇴직한 교사와 회사원들이 2023년에 세운 예비사회적기업입니다. 일을 더 하고 싶은 어르신에게 "
            "알맞은 일자리를 찾아 드리며, 직원 절반 넘게가 예순이 넘은 어르신입니다."
        ),
        "owner": None,
        "services": [
            {
                "title": "어르신 일자리 상담",
                "slug": "songil-elder-job-counseling",
                "summary": "아직 일할 힘이 있는 어르신께 알맞은 일자리를 함께 찾아 드립니다.",
                "description": (
                    "해 오신 일과 건강 상태, 원하는 일하는 시간을 여쭙고 맞는 일을 찾습니다. 공공 노인 "
                    "일자리와 동네 가게 일자리를 함께 알아봅니다. 상담은 무료이며, 신분증을 가져오시면 바로 "
                    "신청까지 도와 드립니다."
                ),
                "domain": "economic",
                "needs": ["jobs", "finances"],
                "delivery": "venue",
                "price": 0,
                "unit": "session",
                "duration_minutes": 60,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 2], "start": "10:00", "minutes": 60, "capacity": 3},
            },
            {
                "title": "시니어 바리스타 기초 과정 (한 달)",
                "slug": "songil-barista-course",
                "summary": "커피 내리기를 배워 동네 카페와 복지관 카페에서 일해 보는 과정입니다.",
                "description": (
                    "원두 고르기, 커피 내리기, 우유 데우기를 한 달 동안 직접 해 봅니다. 손님 맞는 말투와 "
                    "계산하는 방법도 함께 익힙니다. 과정을 마친 분께는 함께 일하는 카페 일자리를 소개해 "
                    "드립니다."
                ),
                "domain": "economic",
                "needs": ["jobs", "learning"],
                "delivery": "venue",
                "price": 80000,
                "unit": "month",
                "duration_minutes": 120,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [1, 3], "start": "14:00", "minutes": 120, "capacity": 8},
            },
            {
                "title": "어르신 공동작업장 하루 체험",
                "slug": "songil-workshop-trial",
                "summary": "또래 어르신과 함께 쇼핑백 접기 같은 가벼운 일을 하루 해 봅니다.",
                "description": (
                    "오전 세 시간 동안 쉬운 포장 일을 이웃 어르신들과 함께합니다. 일한 만큼 작은 수당을 "
                    "드리고, 점심 전에 다 함께 차를 마십니다. 꾸준히 일하고 싶으시면 그 자리에서 등록하실 수 "
                    "있습니다."
                ),
                "domain": "economic",
                "needs": ["jobs", "loneliness"],
                "delivery": "venue",
                "price": 0,
                "unit": "session",
                "duration_minutes": 180,
                "is_experience": True,
                "stock": None,
                "schedule": {"weekdays": [0, 1, 2, 3, 4], "start": "09:30", "minutes": 180, "capacity": 15},
            },
            {
                "title": "은퇴 뒤 인생 설계 교실 (4회)",
                "slug": "songil-life-plan",
                "summary": "은퇴를 앞두었거나 막 은퇴한 분이 남은 날들의 일과 살림을 설계합니다.",
                "description": (
                    "건강, 돈, 일, 관계 네 가지를 한 번씩 나누어 이야기합니다. 먼저 은퇴한 선배들이 어떻게 "
                    "새 일을 찾았는지도 들려 드립니다. 마지막 시간에는 나만의 은퇴 계획표를 완성합니다."
                ),
                "domain": "education",
                "needs": ["learning", "finances"],
                "delivery": "venue",
                "price": 40000,
                "unit": "set",
                "duration_minutes": 120,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [4], "start": "10:00", "minutes": 120, "capacity": 20},
            },
        ],
    },
    {
        "name": "청춘쉼표 예비사회적기업",
        "slug": "cheongchun-swimpyo",
        "kind": "pre_social_enterprise",
        "district": "jung",
        "address": "대전광역시 중구 대흥로 121, 4층",
        "phone": "042-253-8190",
        "email": "cheongchun-swimpyo@example.kr",
        "website": "https://cheongchun-swimpyo.example.kr",
        "description": (
            "청년 상담사들이 2022년에 만든 예비사회적기업으로, 일과 구직에 지친 청년의 마음을 돌봅니다. 평일 "
            "저녁과 주말에도 문을 열어 일하는 청년도 편하게 찾아올 수 있습니다."
        ),
        "owner": None,
        "services": [
            {
                "title": "청년 마음 상담 첫 만남 체험",
                "slug": "swimpyo-youth-trial",
                "summary": "상담이 처음인 청년이 또래 상담사와 부담 없이 이야기를 나눠 봅니다.",
                "description": (
                    "요즘 힘든 일을 편하게 이야기하고 간단한 마음 상태 검사를 합니다. 더 만나고 싶으면 "
                    "이어서 받을 수 있는 상담을 함께 정합니다. 퇴근 뒤에 올 수 있도록 저녁 시간에 엽니다."
                ),
                "domain": "mental",
                "needs": ["stress", "anxiety"],
                "delivery": "venue",
                "price": 5000,
                "unit": "session",
                "duration_minutes": 50,
                "is_experience": True,
                "stock": None,
                "schedule": {"weekdays": [1, 3, 5], "start": "19:00", "minutes": 50, "capacity": 2},
            },
            {
                "title": "번아웃 회복 소모임 (6회)",
                "slug": "swimpyo-burnout-group",
                "summary": "일에 지쳐 다 타 버린 것 같은 청년들이 모여 회복하는 여섯 번의 만남입니다.",
                "description": (
                    "비슷한 처지의 청년 여덟 명이 모여 지친 마음을 나누고 쉬는 법을 연습합니다. 일과 쉼의 "
                    "경계를 세우는 방법을 상담사가 함께 찾아 줍니다. 회사에 알려지지 않으니 안심하세요."
                ),
                "domain": "mental",
                "needs": ["stress", "depression"],
                "delivery": "venue",
                "price": 60000,
                "unit": "set",
                "duration_minutes": 90,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [2], "start": "19:30", "minutes": 90, "capacity": 8},
            },
            {
                "title": "온라인 마음 일기 모임 (4회)",
                "slug": "swimpyo-online-diary",
                "summary": "밤마다 혼자 삼키던 마음을 글로 적고 온라인에서 나누는 모임입니다.",
                "description": (
                    "한 주에 한 번 화면으로 만나 상담사가 주는 질문에 답하며 마음 일기를 씁니다. 쓴 글은 "
                    "나누고 싶은 만큼만 나누면 됩니다. 카메라는 꺼도 괜찮고, 닉네임으로 참여할 수 있습니다."
                ),
                "domain": "mental",
                "needs": ["depression", "loneliness"],
                "delivery": "online",
                "price": 30000,
                "unit": "set",
                "duration_minutes": 60,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0], "start": "21:00", "minutes": 60, "capacity": 20},
            },
            {
                "title": "구직 스트레스 상담 (50분)",
                "slug": "swimpyo-job-stress",
                "summary": "취업 준비가 길어져 지치고 불안한 청년의 마음을 상담사가 함께 돌봅니다.",
                "description": (
                    "떨어진 면접과 길어진 준비 기간 때문에 쌓인 마음을 털어놓는 시간입니다. 필요하면 청년 "
                    "일자리 기관과 지원 제도도 함께 알려 드립니다. 형편이 어려운 청년은 상담비를 낮춰 "
                    "드립니다."
                ),
                "domain": "mental",
                "needs": ["stress", "anxiety", "jobs"],
                "delivery": "venue",
                "price": 30000,
                "unit": "session",
                "duration_minutes": 50,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 1, 2, 3, 4], "start": "18:30", "minutes": 50, "capacity": 2},
            },
        ],
    },
    {
        "name": "기억꽃 인지건강 사회적기업",
        "slug": "giyeokkkot-memory",
        "kind": "social_enterprise",
        "district": "seo",
        "address": "대전광역시 서구 청사로 228, 6층",
        "phone": "042-489-3072",
        "email": "giyeokkkot-memory@example.kr",
        "website": "https://giyeokkkot-memory.example.kr",
        "description": (
            "치매 예방 강사와 작업치료사가 일하는 사회적기업으로, 2016년 인증을 받았습니다. 기억력이 "
            "걱정되는 어르신과 가족이 함께 웃으며 참여할 수 있는 놀이와 교실을 열고 있습니다."
        ),
        "owner": None,
        "services": [
            {
                "title": "기억력 건강 교실 (월 8회)",
                "slug": "giyeok-memory-class",
                "summary": "노래, 숫자 놀이, 손 운동으로 기억력과 생각하는 힘을 즐겁게 지킵니다.",
                "description": (
                    "한 주에 두 번, 또래 어르신들과 함께 머리와 손을 쓰는 놀이를 합니다. 석 달마다 간단한 "
                    "기억력 점검을 하고 결과를 가족께 알려 드립니다. 돋보기가 필요한 분은 챙겨 오세요."
                ),
                "domain": "mental",
                "needs": ["frailty", "loneliness"],
                "delivery": "venue",
                "price": 60000,
                "unit": "month",
                "duration_minutes": 90,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [1, 3], "start": "10:00", "minutes": 90, "capacity": 15},
            },
            {
                "title": "찾아가는 인지 놀이 (방문)",
                "slug": "giyeok-home-play",
                "summary": "밖에 나오기 어려운 어르신 댁으로 찾아가 일대일로 인지 놀이를 합니다.",
                "description": (
                    "작업치료사가 어르신 상태에 맞는 퍼즐, 그림 맞추기, 옛날 사진 보기를 준비해 갑니다. "
                    "놀이를 마친 뒤 가족에게 집에서 함께할 수 있는 활동도 알려 드립니다. 조용한 방과 식탁 "
                    "하나만 있으면 됩니다."
                ),
                "domain": "mental",
                "needs": ["frailty", "loneliness"],
                "delivery": "home_visit",
                "price": 35000,
                "unit": "session",
                "duration_minutes": 60,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 2, 4], "start": "14:00", "minutes": 60, "capacity": 2},
            },
            {
                "title": "치매 가족 보호자 모임",
                "slug": "giyeok-family-group",
                "summary": "치매 어르신을 돌보는 가족이 모여 고단함을 나누고 서로 힘이 되는 자리입니다.",
                "description": (
                    "한 달에 두 번 토요일 오전, 돌봄 가족들이 모여 이야기를 나눕니다. 작업치료사가 돌봄 "
                    "요령과 쓸 수 있는 돌봄 제도를 알려 드립니다. 모임 동안 어르신은 옆방에서 인지 놀이를 "
                    "하실 수 있습니다."
                ),
                "domain": "social",
                "needs": ["care", "stress"],
                "delivery": "venue",
                "price": 0,
                "unit": "session",
                "duration_minutes": 90,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [5], "start": "10:00", "minutes": 90, "capacity": 15},
            },
            {
                "title": "기억력 점검과 상담 체험",
                "slug": "giyeok-check-trial",
                "summary": "깜빡하는 일이 잦아 걱정된다면 간단한 점검과 상담을 먼저 받아 보세요.",
                "description": (
                    "종이와 그림으로 하는 간단한 기억력 점검을 하고 결과를 쉽게 설명해 드립니다. 병원 진료가 "
                    "필요해 보이면 가까운 치매안심센터를 안내해 드립니다. 가족과 함께 오시면 더 좋습니다."
                ),
                "domain": "mental",
                "needs": ["anxiety", "frailty"],
                "delivery": "venue",
                "price": 0,
                "unit": "session",
                "duration_minutes": 40,
                "is_experience": True,
                "stock": None,
                "schedule": {"weekdays": [0, 1, 2, 3, 4], "start": "11:00", "minutes": 40, "capacity": 2},
            },
            {
                "title": "추억 사진첩 만들기 (4회)",
                "slug": "giyeok-photo-album",
                "summary": "옛 사진을 꺼내 이야기를 나누며 나만의 추억 사진첩을 만드는 모임입니다.",
                "description": (
                    "집에 있는 옛 사진 열 장쯤을 가져와 그때 이야기를 함께 나눕니다. 사진에 짧은 글을 붙여 "
                    "네 번 만에 한 권의 사진첩을 완성합니다. 사진은 복사해서 쓰고 원본은 그날 돌려드립니다."
                ),
                "domain": "social",
                "needs": ["loneliness", "depression"],
                "delivery": "venue",
                "price": 30000,
                "unit": "set",
                "duration_minutes": 90,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [4], "start": "14:00", "minutes": 90, "capacity": 10},
            },
        ],
    },
    {
        "name": "도안품앗이육아 마을기업",
        "slug": "doan-pumasi",
        "kind": "village_enterprise",
        "district": "seo",
        "address": "대전광역시 서구 도안대로 356, 2층",
        "phone": "042-545-2761",
        "email": "doan-pumasi@example.kr",
        "website": "",
        "description": (
            "도안동에 사는 부모들이 2018년에 함께 만든 마을기업입니다. 아이를 함께 키우는 품앗이 모임을 "
            "꾸리고, 육아 경험이 많은 동네 엄마들이 상담과 돌봄 연결을 맡고 있습니다."
        ),
        "owner": None,
        "services": [
            {
                "title": "찾아가는 초보 부모 육아 상담",
                "slug": "pumasi-parent-visit",
                "summary": (
                    "갓난아기 때문에 집을 나서기 힘든 부모에게 선배 부모가 찾아가 고민을 들어 드립니다."
                ),
                "description": (
                    "아이를 셋 키운 선배 엄마와 보육교사 출신 상담사가 댁으로 찾아갑니다. 재우기, 먹이기, "
                    "달래기처럼 처음 겪는 고민을 아기 곁에서 함께 풀어 봅니다. 아기 수첩을 꺼내 두시면 더 "
                    "자세히 이야기할 수 있습니다. 도안동과 관저동에 방문합니다."
                ),
                "domain": "social",
                "needs": ["care", "stress"],
                "delivery": "home_visit",
                "price": 25000,
                "unit": "session",
                "duration_minutes": 60,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [1, 3], "start": "10:30", "minutes": 60, "capacity": 2},
            },
            {
                "title": "아기랑 엄마 아빠 체조",
                "slug": "pumasi-baby-exercise",
                "summary": "아기를 안고 함께 움직이며 부모의 몸도 챙기는 즐거운 체조 시간입니다.",
                "description": (
                    "백일부터 두 돌까지 아기와 부모가 함께 노래에 맞춰 몸을 움직입니다. 출산과 육아로 약해진 "
                    "허리와 골반 근육을 살살 깨웁니다. 아기 물과 여벌 옷을 챙겨 오세요."
                ),
                "domain": "physical",
                "needs": ["exercise"],
                "delivery": "venue",
                "price": 20000,
                "unit": "session",
                "duration_minutes": 50,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [5], "start": "10:00", "minutes": 50, "capacity": 10},
            },
            {
                "title": "육아 동아리 첫 모임 체험",
                "slug": "pumasi-club-trial",
                "summary": "또래 아이를 키우는 동네 부모들을 만나 보는 무료 첫 모임입니다.",
                "description": (
                    "아이들이 노는 동안 부모들은 차를 마시며 이야기를 나눕니다. 동아리에서 하는 책 읽기, "
                    "나들이, 장난감 나누기를 소개해 드립니다. 마음에 들면 같은 나이대 아이 모둠에 들어갈 수 "
                    "있습니다."
                ),
                "domain": "social",
                "needs": ["loneliness", "care"],
                "delivery": "venue",
                "price": 0,
                "unit": "session",
                "duration_minutes": 90,
                "is_experience": True,
                "stock": None,
                "schedule": {"weekdays": [2], "start": "10:30", "minutes": 90, "capacity": 12},
            },
            {
                "title": "산후 우울 나눔 모임 (4회)",
                "slug": "pumasi-postpartum-group",
                "summary": "출산 뒤 이유 없이 눈물이 나고 지친 엄마들이 모여 마음을 나눕니다.",
                "description": (
                    "상담사가 함께하는 작은 모임에서 출산 뒤 달라진 마음과 몸 이야기를 나눕니다. 힘든 날을 "
                    "넘기는 작은 방법을 서로 알려 주고 배웁니다. 아기와 함께 오셔도 괜찮습니다."
                ),
                "domain": "mental",
                "needs": ["depression", "loneliness"],
                "delivery": "venue",
                "price": 40000,
                "unit": "set",
                "duration_minutes": 90,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [4], "start": "10:30", "minutes": 90, "capacity": 8},
            },
            {
                "title": "아이 돌봄 품앗이 (한 달 회비)",
                "slug": "pumasi-care-share",
                "summary": "부모들이 돌아가며 서로의 아이를 봐 주는 돌봄 품앗이에 함께해 보세요.",
                "description": (
                    "한 주에 세 번 오후, 마을 공간에서 부모들이 순서를 정해 아이들을 함께 돌봅니다. 급한 "
                    "일이 생긴 날 아이를 맡길 수 있어 맞벌이 가정에 특히 도움이 됩니다. 회비는 간식비와 공간 "
                    "운영비로 씁니다."
                ),
                "domain": "social",
                "needs": ["care"],
                "delivery": "venue",
                "price": 50000,
                "unit": "month",
                "duration_minutes": 120,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 2, 4], "start": "15:00", "minutes": 120, "capacity": 10},
            },
        ],
    },
    {
        "name": "든든집수리 자활기업",
        "slug": "deundeun-home-repair",
        "kind": "self_sufficiency",
        "district": "jung",
        "address": "대전광역시 중구 계백로 1565, 1층",
        "phone": "042-582-4408",
        "email": "deundeun-home-repair@example.kr",
        "website": "",
        "description": (
            "지역자활센터 집수리 사업단에서 시작해 2015년 자활기업이 되었습니다. 다시 일을 찾은 주민 12명이 "
            "기술을 익혀, 몸이 불편한 어르신의 집이 더 안전해지도록 고쳐 드립니다."
        ),
        "owner": None,
        "services": [
            {
                "title": "낙상 예방 안전 손잡이 설치 (2개)",
                "slug": "deundeun-grab-bar",
                "summary": "화장실과 현관에 안전 손잡이를 달아 넘어질 걱정을 줄여 드립니다.",
                "description": (
                    "어르신이 자주 다니는 길을 함께 살핀 뒤 꼭 필요한 곳에 손잡이 두 개를 답니다. 욕실 "
                    "바닥에는 미끄럼 방지 띠를 무료로 붙여 드립니다. 설치하는 날에는 욕실을 비워 두세요. "
                    "중구와 동구에 방문합니다."
                ),
                "domain": "physical",
                "needs": ["frailty"],
                "delivery": "home_visit",
                "price": 45000,
                "unit": "set",
                "duration_minutes": 90,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 1, 2, 3, 4], "start": "09:00", "minutes": 90, "capacity": 3},
            },
            {
                "title": "어르신 집 안전 점검 방문 체험",
                "slug": "deundeun-safety-check-trial",
                "summary": "넘어지기 쉬운 문턱과 어두운 계단이 없는지 집 안을 무료로 살펴 드립니다.",
                "description": (
                    "집수리 기술자가 방문해 문턱, 전등, 계단, 욕실을 꼼꼼히 점검합니다. 고칠 곳과 대략의 "
                    "비용을 적은 점검표를 드립니다. 고칠지 말지는 천천히 정하셔도 됩니다."
                ),
                "domain": "physical",
                "needs": ["frailty", "care"],
                "delivery": "home_visit",
                "price": 0,
                "unit": "session",
                "duration_minutes": 40,
                "is_experience": True,
                "stock": None,
                "schedule": {"weekdays": [1, 3], "start": "14:00", "minutes": 40, "capacity": 3},
            },
            {
                "title": "겨울철 문풍지와 단열 도움",
                "slug": "deundeun-winter-insulation",
                "summary": "외풍이 심한 집에 문풍지와 단열재를 붙여 난방비 걱정을 덜어 드립니다.",
                "description": (
                    "창문과 현관 틈을 막고 차가운 벽에 단열 벽지를 붙여 드립니다. 재료비가 포함된 값이며, "
                    "기초생활수급 가정은 구청 지원으로 무료가 될 수 있습니다. 방문 전에 전화로 집 크기를 "
                    "여쭙니다."
                ),
                "domain": "economic",
                "needs": ["finances", "frailty"],
                "delivery": "home_visit",
                "price": 30000,
                "unit": "session",
                "duration_minutes": 120,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 2, 4], "start": "10:00", "minutes": 120, "capacity": 2},
            },
            {
                "title": "집수리 기술 배움 과정 (한 달)",
                "slug": "deundeun-repair-course",
                "summary": "전기, 수도, 도배 같은 집수리 기술을 배워 일자리로 이어 가는 과정입니다.",
                "description": (
                    "한 달 동안 기술자와 함께 현장에 나가며 기본 공구 쓰는 법부터 익힙니다. 과정을 마친 분은 "
                    "집수리 일자리나 관련 자격증 과정으로 이어 드립니다. 작업복과 안전화는 빌려 드립니다."
                ),
                "domain": "economic",
                "needs": ["jobs", "learning"],
                "delivery": "venue",
                "price": 0,
                "unit": "month",
                "duration_minutes": 240,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 1, 2, 3, 4], "start": "09:00", "minutes": 240, "capacity": 8},
            },
        ],
    },
    {
        "name": "바른걸음 운동센터",
        "slug": "bareun-georeum",
        "kind": "general",
        "district": "yuseong",
        "address": "대전광역시 유성구 월드컵대로 32, 2층",
        "phone": "042-862-5107",
        "email": "bareun-georeum@example.kr",
        "website": "https://bareun-georeum.example.kr",
        "description": (
            "운동처방사가 2021년에 문을 연 작은 운동센터입니다. 일반 기업이지만 마주봄과 함께 동네 어르신과 "
            "만성질환이 있는 주민을 위한 수업을 낮은 값에 열고 있습니다."
        ),
        "owner": None,
        "services": [
            {
                "title": "일대일 자세 교정 운동 (50분)",
                "slug": "bareun-posture-pt",
                "summary": "굽은 등과 아픈 허리를 운동처방사와 일대일로 바로잡아 갑니다.",
                "description": (
                    "첫 시간에 서 있는 자세와 걷는 모습을 살피고 나에게 맞는 운동을 정합니다. 집에서 따라 할 "
                    "숙제 운동을 그림으로 그려 드립니다. 운동화와 편한 옷을 챙겨 오세요."
                ),
                "domain": "physical",
                "needs": ["exercise"],
                "delivery": "venue",
                "price": 50000,
                "unit": "session",
                "duration_minutes": 50,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 1, 2, 3, 4, 5], "start": "10:00", "minutes": 50, "capacity": 1},
            },
            {
                "title": "허리 건강 운동 교실 (월 8회)",
                "slug": "bareun-back-class",
                "summary": "오래 앉아 일하거나 허리가 자주 아픈 분을 위한 소규모 운동 교실입니다.",
                "description": (
                    "허리를 받쳐 주는 배와 엉덩이 근육을 천천히 키웁니다. 열 명 안팎의 작은 반이라 동작 "
                    "하나하나를 봐 드립니다. 허리 수술을 받은 분은 미리 말씀해 주세요."
                ),
                "domain": "physical",
                "needs": ["exercise", "chronic-care"],
                "delivery": "venue",
                "price": 80000,
                "unit": "month",
                "duration_minutes": 50,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [1, 3], "start": "19:00", "minutes": 50, "capacity": 10},
            },
            {
                "title": "운동 첫 수업 체험",
                "slug": "bareun-trial",
                "summary": "운동을 오래 쉬었다면 가벼운 몸 상태 점검과 함께 첫 수업을 들어 보세요.",
                "description": (
                    "간단한 체력 점검을 하고 몸에 무리 없는 동작 위주로 운동해 봅니다. 점검 결과를 바탕으로 "
                    "어떤 운동부터 하면 좋을지 알려 드립니다. 물과 운동화를 챙겨 오세요."
                ),
                "domain": "physical",
                "needs": ["exercise"],
                "delivery": "venue",
                "price": 10000,
                "unit": "session",
                "duration_minutes": 50,
                "is_experience": True,
                "stock": None,
                "schedule": {"weekdays": [5], "start": "11:00", "minutes": 50, "capacity": 8},
            },
            {
                "title": "당뇨 걱정 덜어 주는 걷기 코칭 (온라인, 한 달)",
                "slug": "bareun-online-walking",
                "summary": "혈당이 걱정되는 분이 한 달 동안 꾸준히 걷도록 화상으로 함께합니다.",
                "description": (
                    "한 주에 두 번 화상으로 만나 걸은 거리를 함께 보고 다음 목표를 정합니다. 식후 걷기가 왜 "
                    "좋은지, 발을 다치지 않게 걷는 법도 알려 드립니다. 걸음 수를 셀 수 있는 스마트폰이면 "
                    "충분합니다."
                ),
                "domain": "physical",
                "needs": ["chronic-care", "exercise"],
                "delivery": "online",
                "price": 50000,
                "unit": "month",
                "duration_minutes": 30,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 3], "start": "20:00", "minutes": 30, "capacity": 20},
            },
        ],
    },
    {
        "name": "잠이음 수면건강연구소",
        "slug": "jamieum-sleep",
        "kind": "general",
        "district": "dong",
        "address": "대전광역시 동구 우암로 287, 3층",
        "phone": "042-625-0913",
        "email": "jamieum-sleep@example.kr",
        "website": "",
        "description": (
            "수면 상담사와 간호사가 2022년에 세운 작은 회사입니다. 잠들기 어렵거나 자주 깨는 주민이 약에 "
            "기대기 전에 생활 습관부터 바꿔 볼 수 있도록 돕습니다."
        ),
        "owner": None,
        "services": [
            {
                "title": "잠 고민 상담 체험 (30분)",
                "slug": "jamieum-sleep-trial",
                "summary": "밤잠을 설치는 까닭을 수면 상담사와 30분 동안 짚어 봅니다.",
                "description": (
                    "잠드는 시간, 깨는 횟수, 낮잠 습관을 여쭙고 눈에 띄는 점을 알려 드립니다. 오늘 밤부터 해 "
                    "볼 수 있는 작은 습관 한두 가지를 권해 드립니다. 최근 일주일 동안 잔 시간을 떠올려 "
                    "오시면 좋습니다."
                ),
                "domain": "physical",
                "needs": ["sleep"],
                "delivery": "venue",
                "price": 10000,
                "unit": "session",
                "duration_minutes": 30,
                "is_experience": True,
                "stock": None,
                "schedule": {"weekdays": [1, 3], "start": "16:00", "minutes": 30, "capacity": 2},
            },
            {
                "title": "개인 수면 습관 상담 (50분)",
                "slug": "jamieum-sleep-counseling",
                "summary": "잠에 대한 걱정과 습관을 깊이 살피고 나에게 맞는 잠 계획을 세웁니다.",
                "description": (
                    "2주 동안 쓴 수면 일기를 함께 보며 잠을 방해하는 습관을 찾습니다. 잠자리 걱정을 줄이는 "
                    "방법과 잠드는 시간 맞추기를 연습합니다. 잠이 안 와서 걱정이 커진 분께도 도움이 됩니다."
                ),
                "domain": "physical",
                "needs": ["sleep", "anxiety"],
                "delivery": "venue",
                "price": 40000,
                "unit": "session",
                "duration_minutes": 50,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 2, 4], "start": "14:00", "minutes": 50, "capacity": 2},
            },
            {
                "title": "잠 잘 자는 생활 교실 (4회)",
                "slug": "jamieum-sleep-class",
                "summary": "푹 자기 위한 낮 생활, 저녁 습관, 잠자리 환경을 네 번에 걸쳐 배웁니다.",
                "description": (
                    "햇볕 쬐기, 저녁 식사와 커피, 잠자리 조명처럼 잠에 영향을 주는 것들을 알아봅니다. 배운 "
                    "것을 한 주 동안 해 보고 다음 시간에 나눕니다. 교재와 수면 일기장을 드립니다."
                ),
                "domain": "education",
                "needs": ["sleep", "learning"],
                "delivery": "venue",
                "price": 40000,
                "unit": "set",
                "duration_minutes": 90,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [2], "start": "19:00", "minutes": 90, "capacity": 15},
            },
            {
                "title": "온라인 수면 일기 코칭 (한 달)",
                "slug": "jamieum-online-diary",
                "summary": "한 달 동안 수면 일기를 쓰고, 화상으로 만나 잠 습관을 함께 고쳐 갑니다.",
                "description": (
                    "매일 아침 스마트폰으로 간단한 수면 일기를 쓰면 상담사가 읽고 답을 남깁니다. 한 주에 세 "
                    "번 저녁에 20분씩 화상으로 모여 긴장 풀기를 함께합니다. 밤늦게 일하는 분도 참여할 수 "
                    "있습니다."
                ),
                "domain": "physical",
                "needs": ["sleep", "stress"],
                "delivery": "online",
                "price": 60000,
                "unit": "month",
                "duration_minutes": 20,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 2, 4], "start": "21:30", "minutes": 20, "capacity": 20},
            },
        ],
    },
    {
        "name": "마실벗 사회적협동조합",
        "slug": "masil-friends",
        "kind": "social_cooperative",
        "district": "daedeok",
        "address": "대전광역시 대덕구 신탄진로 358, 1층",
        "phone": "042-931-5564",
        "email": "masil-friends@example.kr",
        "website": "https://masil-friends.example.kr",
        "description": (
            "혼자 지내는 어르신이 외롭지 않도록 동네 주민들이 2017년에 만든 사회적협동조합입니다. 중장년 "
            "주민 20여 명이 말벗 활동가로 일하며, 어르신과 이웃을 잇는 모임을 엽니다."
        ),
        "owner": None,
        "services": [
            {
                "title": "말벗 활동가 방문 (주 2회, 한 달)",
                "slug": "masil-visit-friend",
                "summary": "한 주에 두 번, 같은 말벗 활동가가 찾아가 이야기 나누고 안부를 살핍니다.",
                "description": (
                    "정해진 말벗 활동가가 꾸준히 방문해 차를 마시고 이야기를 나눕니다. 함께 산책하거나 "
                    "신문을 읽어 드리기도 합니다. 평소와 다른 모습이 보이면 가족이나 동 행정복지센터에 바로 "
                    "알려 드립니다."
                ),
                "domain": "social",
                "needs": ["loneliness", "depression"],
                "delivery": "home_visit",
                "price": 80000,
                "unit": "month",
                "duration_minutes": 60,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [1, 4], "start": "14:00", "minutes": 60, "capacity": 3},
            },
            {
                "title": "전화 안부 말벗 (주 3회, 한 달)",
                "slug": "masil-phone-friend",
                "summary": "말벗 활동가가 한 주에 세 번 전화를 드려 안부를 묻고 이야기를 나눕니다.",
                "description": (
                    "정해진 요일 오전에 말벗 활동가가 전화를 드립니다. 식사는 하셨는지, 불편한 곳은 없는지 "
                    "여쭙고 동네 소식도 전해 드립니다. 혼자 사는 어르신께는 무료로 해 드립니다."
                ),
                "domain": "social",
                "needs": ["loneliness"],
                "delivery": "online",
                "price": 0,
                "unit": "month",
                "duration_minutes": 20,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 2, 4], "start": "10:00", "minutes": 20, "capacity": 30},
            },
            {
                "title": "어르신 노래 교실 체험",
                "slug": "masil-singing-trial",
                "summary": "귀에 익은 옛 노래를 함께 부르며 목청도 풀고 이웃도 사귀는 시간입니다.",
                "description": (
                    "노래 강사와 함께 트로트와 동요를 부르고 손뼉 치며 몸도 움직입니다. 노래를 못해도 "
                    "괜찮고, 가사는 큰 글씨로 나누어 드립니다. 조합 1층 사랑방에서 열립니다."
                ),
                "domain": "social",
                "needs": ["loneliness", "depression"],
                "delivery": "venue",
                "price": 3000,
                "unit": "session",
                "duration_minutes": 60,
                "is_experience": True,
                "stock": None,
                "schedule": {"weekdays": [3], "start": "14:00", "minutes": 60, "capacity": 20},
            },
            {
                "title": "동네 마실 나들이 (월 2회)",
                "slug": "masil-outing",
                "summary": "혼자 나서기 힘든 어르신과 함께 시장, 공원, 박물관으로 나들이를 갑니다.",
                "description": (
                    "한 달에 두 번 토요일, 조합 차량으로 모시고 가까운 곳으로 나들이를 떠납니다. 걸음이 느린 "
                    "분도 말벗 활동가가 곁에서 함께 걷습니다. 점심값이 포함된 값이며, 편한 신발을 신고 "
                    "오세요."
                ),
                "domain": "social",
                "needs": ["loneliness", "frailty"],
                "delivery": "venue",
                "price": 50000,
                "unit": "month",
                "duration_minutes": 180,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [5], "start": "10:00", "minutes": 180, "capacity": 12},
            },
            {
                "title": "말벗 활동가 양성 과정 (4회)",
                "slug": "masil-friend-course",
                "summary": "어르신의 이야기를 잘 들어 주는 말벗 활동가가 되는 법을 배웁니다.",
                "description": (
                    "잘 듣는 방법, 어르신 건강의 위험 신호 알아채기, 개인정보 지키기를 배웁니다. 과정을 마친 "
                    "분은 조합의 말벗 활동가로 일할 수 있습니다. 중장년 주민과 은퇴한 분을 환영합니다."
                ),
                "domain": "education",
                "needs": ["learning", "jobs"],
                "delivery": "venue",
                "price": 20000,
                "unit": "set",
                "duration_minutes": 120,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [2], "start": "10:00", "minutes": 120, "capacity": 20},
            },
        ],
    },
    {
        "name": "갑천달림 협동조합",
        "slug": "gapcheon-dallim",
        "kind": "cooperative",
        "district": "seo",
        "address": "대전광역시 서구 문정로 48, 1층",
        "phone": "042-524-3386",
        "email": "gapcheon-dallim@example.kr",
        "website": "https://gapcheon-dallim.example.kr",
        "description": (
            "갑천 둔치에서 함께 달리던 주민들이 2021년에 만든 협동조합입니다. 처음 운동하는 사람도 따라올 수 "
            "있도록 천천히 달리는 모임을 꾸리고, 청년 조합원들이 코치로 일합니다."
        ),
        "owner": None,
        "services": [
            {
                "title": "초보 달리기 교실 (8주 16회)",
                "slug": "dallim-beginner",
                "summary": "걷기부터 시작해 8주 뒤 30분을 쉬지 않고 달리는 것을 목표로 합니다.",
                "description": (
                    "걷기와 달리기를 번갈아 하며 조금씩 달리는 시간을 늘립니다. 무릎이 아프지 않게 달리는 "
                    "자세와 운동 전후 스트레칭을 알려 드립니다. 갑천 둔치 만년교 아래에서 모이며, 가벼운 "
                    "운동화와 물을 챙겨 오세요."
                ),
                "domain": "physical",
                "needs": ["exercise", "stress"],
                "delivery": "venue",
                "price": 80000,
                "unit": "set",
                "duration_minutes": 60,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [1, 3], "start": "19:30", "minutes": 60, "capacity": 20},
            },
            {
                "title": "달리기 첫 모임 체험",
                "slug": "dallim-trial",
                "summary": "토요일 아침 갑천을 따라 천천히 걷고 달리는 모임을 무료로 경험해 보세요.",
                "description": (
                    "코치가 한 사람 한 사람 속도에 맞추어 함께 걷고 뜁니다. 5킬로미터를 걷기와 달리기로 "
                    "나누어 한 시간 동안 다녀옵니다. 달리기가 처음이어도 괜찮습니다."
                ),
                "domain": "physical",
                "needs": ["exercise"],
                "delivery": "venue",
                "price": 0,
                "unit": "session",
                "duration_minutes": 60,
                "is_experience": True,
                "stock": None,
                "schedule": {"weekdays": [5], "start": "07:30", "minutes": 60, "capacity": 20},
            },
            {
                "title": "주말 걷고 뛰는 이웃 모임 (4회)",
                "slug": "dallim-weekend-group",
                "summary": "일요일 아침마다 이웃과 함께 갑천을 걷고 뛰며 친구를 사귀는 모임입니다.",
                "description": (
                    "운동을 마치면 둔치 쉼터에서 차를 마시며 이야기를 나눕니다. 이사 온 지 얼마 안 된 분, "
                    "동네 친구가 필요한 분께 권합니다. 네 번 참여 뒤에는 조합원으로 함께할 수 있습니다."
                ),
                "domain": "social",
                "needs": ["loneliness", "exercise"],
                "delivery": "venue",
                "price": 20000,
                "unit": "set",
                "duration_minutes": 90,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [6], "start": "07:00", "minutes": 90, "capacity": 20},
            },
            {
                "title": "마음 달리기 (6회)",
                "slug": "dallim-mind-run",
                "summary": "우울하고 무기력한 분이 천천히 달리며 기운을 되찾도록 돕는 작은 모임입니다.",
                "description": (
                    "상담사와 코치가 함께하며, 숨이 차지 않을 만큼 천천히 걷고 달립니다. 달린 뒤에는 짧게 "
                    "오늘 기분을 나눕니다. 기록이나 속도는 전혀 신경 쓰지 않아도 됩니다."
                ),
                "domain": "mental",
                "needs": ["depression", "stress"],
                "delivery": "venue",
                "price": 30000,
                "unit": "set",
                "duration_minutes": 60,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [6], "start": "08:00", "minutes": 60, "capacity": 12},
            },
        ],
    },
    {
        "name": "대동하늘텃밭 마을기업",
        "slug": "daedong-haneul-garden",
        "kind": "village_enterprise",
        "district": "dong",
        "address": "대전광역시 동구 백룡로 58, 1층",
        "phone": "042-285-6620",
        "email": "daedong-haneul-garden@example.kr",
        "website": "https://daedong-haneul-garden.example.kr",
        "description": (
            "대동 산비탈 마을 주민들이 2015년에 빈터를 일구어 만든 마을기업입니다. 마을 어르신들이 텃밭 "
            "선생님이 되어 씨 뿌리기부터 거두기까지 함께하고, 거둔 채소는 꾸러미로 이웃과 나눕니다."
        ),
        "owner": None,
        "services": [
            {
                "title": "텃밭 가꾸기 모임 (한 달)",
                "slug": "daedong-garden-monthly",
                "summary": "내 몫의 텃밭 한 칸을 받아 이웃과 함께 채소를 기르는 모임입니다.",
                "description": (
                    "한 주에 두 번 모여 물 주기, 풀 뽑기, 거두기를 함께합니다. 텃밭 선생님 어르신이 철마다 "
                    "심을 채소와 기르는 요령을 알려 드립니다. 장갑과 모자를 챙겨 오시고, 농기구는 빌려 "
                    "드립니다."
                ),
                "domain": "social",
                "needs": ["loneliness", "exercise"],
                "delivery": "venue",
                "price": 50000,
                "unit": "month",
                "duration_minutes": 120,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [1, 5], "start": "09:00", "minutes": 120, "capacity": 15},
            },
            {
                "title": "텃밭 하루 체험",
                "slug": "daedong-garden-trial",
                "summary": "흙을 만지고 채소를 거두며 하루 동안 텃밭 일을 맛보는 체험입니다.",
                "description": (
                    "철에 맞는 채소를 심고 다 자란 채소는 직접 거두어 봅니다. 거둔 채소는 한 봉지 가져가실 "
                    "수 있습니다. 아이와 함께 오는 가족도 환영합니다."
                ),
                "domain": "social",
                "needs": ["loneliness"],
                "delivery": "venue",
                "price": 5000,
                "unit": "session",
                "duration_minutes": 120,
                "is_experience": True,
                "stock": None,
                "schedule": {"weekdays": [5], "start": "10:00", "minutes": 120, "capacity": 15},
            },
            {
                "title": "제철 채소 꾸러미",
                "slug": "daedong-veggie-box",
                "summary": "마을 텃밭에서 거둔 제철 채소 대여섯 가지를 꾸러미로 보내 드립니다.",
                "description": (
                    "농약을 쓰지 않고 기른 채소를 거둔 날 바로 포장해 보냅니다. 채소마다 간단한 요리법을 "
                    "적은 쪽지를 넣어 드립니다. 철마다 채소가 달라지며, 한 꾸러미는 두 사람이 한 주 동안 "
                    "먹을 만큼입니다."
                ),
                "domain": "physical",
                "needs": ["nutrition"],
                "delivery": "shipped",
                "price": 25000,
                "unit": "set",
                "duration_minutes": None,
                "is_experience": False,
                "stock": 40,
                "schedule": None,
            },
            {
                "title": "텃밭 치유 프로그램 (6회)",
                "slug": "daedong-garden-healing",
                "summary": "흙과 식물을 돌보며 지친 마음을 천천히 쉬게 하는 여섯 번의 만남입니다.",
                "description": (
                    "원예치료사와 함께 씨앗을 심고 싹이 자라는 것을 지켜보며 마음을 돌봅니다. 마지막 "
                    "시간에는 직접 기른 채소로 간단한 음식을 만들어 나눕니다. 우울하거나 기운이 없는 분께 "
                    "권합니다."
                ),
                "domain": "mental",
                "needs": ["depression", "stress"],
                "delivery": "venue",
                "price": 60000,
                "unit": "set",
                "duration_minutes": 120,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [3], "start": "10:00", "minutes": 120, "capacity": 10},
            },
        ],
    },
    {
        "name": "노은활력 실버체육 사회적기업",
        "slug": "noeun-silver-sports",
        "kind": "social_enterprise",
        "district": "yuseong",
        "address": "대전광역시 유성구 반석로 13, 3층",
        "phone": "042-826-7735",
        "email": "noeun-silver-sports@example.kr",
        "website": "https://noeun-silver-sports.example.kr",
        "description": (
            "체육 강사와 물리치료사가 2013년에 세운 사회적기업으로, 2017년 인증을 받았습니다. 어르신의 "
            "근력과 균형을 지키는 운동을 가르치고, 은퇴한 체육인을 실버 체조 강사로 길러 일자리를 만듭니다."
        ),
        "owner": None,
        "services": [
            {
                "title": "어르신 활력 체조 교실 (월 8회)",
                "slug": "noeun-silver-exercise",
                "summary": "음악에 맞춰 몸을 움직이며 근력과 균형 감각을 지키는 어르신 체조입니다.",
                "description": (
                    "한 주에 두 번, 앉아서 하는 체조와 서서 하는 체조를 번갈아 합니다. 석 달마다 체력을 재어 "
                    "나아진 점을 알려 드립니다. 운동화와 물을 챙겨 오세요."
                ),
                "domain": "physical",
                "needs": ["exercise", "frailty"],
                "delivery": "venue",
                "price": 50000,
                "unit": "month",
                "duration_minutes": 60,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 2], "start": "10:00", "minutes": 60, "capacity": 20},
            },
            {
                "title": "방문 근력 운동 (1회 50분)",
                "slug": "noeun-home-strength",
                "summary": "집 밖에 나서기 어려운 어르신 댁으로 강사가 찾아가 근력 운동을 돕습니다.",
                "description": (
                    "탄력 밴드와 의자를 이용해 집 안에서 안전하게 다리와 팔 힘을 기릅니다. 어르신 상태에 "
                    "따라 운동량을 조금씩 늘려 갑니다. 거실에 의자 하나와 움직일 공간만 있으면 됩니다."
                ),
                "domain": "physical",
                "needs": ["frailty", "exercise"],
                "delivery": "home_visit",
                "price": 40000,
                "unit": "session",
                "duration_minutes": 50,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [1, 3, 4], "start": "10:00", "minutes": 50, "capacity": 2},
            },
            {
                "title": "실버 체조 강사 양성 과정 (한 달)",
                "slug": "noeun-instructor-course",
                "summary": "어르신 체조를 가르치는 강사가 되어 경로당과 복지관에서 일할 수 있습니다.",
                "description": (
                    "어르신 몸의 특징, 안전한 운동 순서, 수업 이끄는 방법을 배웁니다. 과정을 마친 분은 "
                    "실습을 거쳐 경로당 체조 강사로 일할 수 있습니다. 운동을 좋아하는 중장년과 은퇴한 "
                    "체육인을 환영합니다."
                ),
                "domain": "economic",
                "needs": ["jobs", "learning"],
                "delivery": "venue",
                "price": 120000,
                "unit": "month",
                "duration_minutes": 180,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [5], "start": "13:00", "minutes": 180, "capacity": 15},
            },
            {
                "title": "어르신 탁구 모임 체험",
                "slug": "noeun-pingpong-trial",
                "summary": "가볍게 공을 주고받으며 땀도 흘리고 새 친구도 사귀는 탁구 모임입니다.",
                "description": (
                    "처음 치는 분도 강사가 라켓 잡는 법부터 알려 드립니다. 두세 판 치고 나면 쉼터에서 함께 "
                    "차를 마십니다. 라켓은 빌려 드리니 운동화만 챙겨 오세요."
                ),
                "domain": "social",
                "needs": ["loneliness", "exercise"],
                "delivery": "venue",
                "price": 3000,
                "unit": "session",
                "duration_minutes": 90,
                "is_experience": True,
                "stock": None,
                "schedule": {"weekdays": [2, 4], "start": "14:00", "minutes": 90, "capacity": 12},
            },
        ],
    },
    {
        "name": "함께배움 평생학습 예비사회적기업",
        "slug": "hamkke-baeum",
        "kind": "pre_social_enterprise",
        "district": "yuseong",
        "address": "대전광역시 유성구 유성대로 730, 5층",
        "phone": "042-863-2248",
        "email": "hamkke-baeum@example.kr",
        "website": "https://hamkke-baeum.example.kr",
        "description": (
            "대학원생과 은퇴한 교사들이 2023년에 함께 세운 예비사회적기업입니다. 배울 기회를 놓친 어르신과 "
            "중장년이 부담 없이 다시 공부할 수 있도록 작은 교실과 방문 수업을 엽니다."
        ),
        "owner": None,
        "services": [
            {
                "title": "어르신 한글 배움 방문 수업",
                "slug": "hamkke-hangul-home",
                "summary": "한글을 배우고 싶은 어르신 댁으로 선생님이 찾아가 일대일로 가르칩니다.",
                "description": (
                    "자음과 모음부터 시작해 내 이름, 가족 이름, 버스 번호 읽기까지 차근차근 배웁니다. 어르신 "
                    "속도에 맞추어 서두르지 않습니다. 공책과 연필은 선생님이 챙겨 갑니다."
                ),
                "domain": "education",
                "needs": ["learning"],
                "delivery": "home_visit",
                "price": 20000,
                "unit": "session",
                "duration_minutes": 60,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 2], "start": "15:00", "minutes": 60, "capacity": 1},
            },
            {
                "title": "중장년 컴퓨터 기초 교실 (월 8회)",
                "slug": "hamkke-computer-basic",
                "summary": "문서 만들기와 전자우편 쓰기처럼 일할 때 꼭 필요한 컴퓨터를 배웁니다.",
                "description": (
                    "마우스와 자판 쓰기부터 문서 작성, 표 만들기, 전자우편 보내기까지 배웁니다. 다시 일을 "
                    "구하려는 중장년께 특히 도움이 됩니다. 교실 컴퓨터를 쓰니 따로 준비할 것은 없습니다."
                ),
                "domain": "education",
                "needs": ["digital", "jobs"],
                "delivery": "venue",
                "price": 60000,
                "unit": "month",
                "duration_minutes": 120,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [1, 3], "start": "19:00", "minutes": 120, "capacity": 12},
            },
            {
                "title": "평생학습 첫 수업 체험",
                "slug": "hamkke-trial",
                "summary": "한글, 영어 기초, 컴퓨터 가운데 하나를 골라 첫 수업을 무료로 들어 보세요.",
                "description": (
                    "배우고 싶은 과목을 골라 한 시간 동안 첫 수업을 들어 봅니다. 수업이 끝나면 선생님과 함께 "
                    "나에게 맞는 반을 정합니다. 배움이 오랜만인 분도 걱정하지 않으셔도 됩니다."
                ),
                "domain": "education",
                "needs": ["learning", "loneliness"],
                "delivery": "venue",
                "price": 0,
                "unit": "session",
                "duration_minutes": 60,
                "is_experience": True,
                "stock": None,
                "schedule": {"weekdays": [4], "start": "10:00", "minutes": 60, "capacity": 15},
            },
            {
                "title": "온라인 자격증 공부 모임 (한 달)",
                "slug": "hamkke-online-study",
                "summary": "자격증 시험을 준비하는 분들이 저녁마다 화상으로 모여 함께 공부합니다.",
                "description": (
                    "각자 준비하는 시험 공부를 화면을 켜 두고 함께하며 서로 힘을 줍니다. 한 주에 한 번은 "
                    "선생님이 공부 계획을 점검하고 질문에 답해 드립니다. 요양보호사, 조리사, 사회복지사 시험 "
                    "준비생이 많이 함께합니다."
                ),
                "domain": "education",
                "needs": ["learning", "jobs"],
                "delivery": "online",
                "price": 50000,
                "unit": "month",
                "duration_minutes": 90,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 2], "start": "20:30", "minutes": 90, "capacity": 25},
            },
        ],
    },
    {
        "name": "동행누리 병원동행 예비사회적기업",
        "slug": "donghaeng-nuri",
        "kind": "pre_social_enterprise",
        "district": "dong",
        "address": "대전광역시 동구 중앙로 203, 3층",
        "phone": "042-254-1839",
        "email": "donghaeng-nuri@example.kr",
        "website": "https://donghaeng-nuri.example.kr",
        "description": (
            "병원에 혼자 가기 힘든 분을 돕기 위해 2022년 예비사회적기업으로 지정되었습니다. 요양보호사와 "
            "사회복지사 자격을 갖춘 중장년 동행매니저 14명이 일하며, 집에서 병원까지 처음부터 끝까지 "
            "함께합니다."
        ),
        "owner": None,
        "services": [
            {
                "title": "병원 동행 (시간제)",
                "slug": "donghaeng-hospital",
                "summary": "집에서 병원까지 모시고 가 접수, 진료, 약 타기까지 곁에서 함께합니다.",
                "description": (
                    "동행매니저가 약속한 시간에 댁으로 찾아가 택시나 버스로 함께 병원에 갑니다. 진료 때 의사 "
                    "설명을 함께 듣고 보호자께 문자로 알려 드립니다. 진료 카드와 신분증, 드시는 약 목록을 "
                    "챙겨 주세요. 두 시간 이상 이용을 권합니다."
                ),
                "domain": "social",
                "needs": ["care", "chronic-care"],
                "delivery": "home_visit",
                "price": 20000,
                "unit": "hour",
                "duration_minutes": 60,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 1, 2, 3, 4], "start": "08:30", "minutes": 60, "capacity": 3},
            },
            {
                "title": "병원 동행 첫 이용 체험 (2시간)",
                "slug": "donghaeng-trial",
                "summary": "가까운 동네 병원 한 곳을 두 시간 동안 함께 다녀오는 첫 이용 상품입니다.",
                "description": (
                    "처음 이용하는 분이 부담 없이 동행 서비스를 경험해 보도록 값을 낮췄습니다. 동네 의원이나 "
                    "약국처럼 가까운 곳을 함께 다녀옵니다. 마치면 다음 동행 때 참고할 점을 보호자께 알려 "
                    "드립니다."
                ),
                "domain": "social",
                "needs": ["care"],
                "delivery": "home_visit",
                "price": 15000,
                "unit": "session",
                "duration_minutes": 120,
                "is_experience": True,
                "stock": None,
                "schedule": {"weekdays": [0, 1, 2, 3, 4], "start": "09:00", "minutes": 120, "capacity": 2},
            },
            {
                "title": "약 타기 대행과 안부 확인",
                "slug": "donghaeng-pharmacy",
                "summary": "거동이 불편한 분 대신 처방약을 받아 와 전해 드리고 안부를 살핍니다.",
                "description": (
                    "병원에서 같은 약을 다시 받을 때 동행매니저가 대신 다녀옵니다. 약을 전해 드리며 드시는 "
                    "방법을 다시 한 번 설명하고 안부를 여쭙니다. 병원에 미리 대리 처방이 가능한지 확인해 "
                    "주세요."
                ),
                "domain": "social",
                "needs": ["care", "loneliness"],
                "delivery": "home_visit",
                "price": 20000,
                "unit": "session",
                "duration_minutes": 60,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [1, 3], "start": "14:00", "minutes": 60, "capacity": 3},
            },
            {
                "title": "돌봄 가족 온라인 쉼 모임",
                "slug": "donghaeng-caregiver-online",
                "summary": "부모님을 돌보느라 지친 가족들이 저녁에 화상으로 모여 마음을 나눕니다.",
                "description": (
                    "사회복지사가 이끄는 자리에서 돌봄의 고단함과 요령을 서로 나눕니다. 쓸 수 있는 돌봄 "
                    "제도와 쉼 지원도 함께 알려 드립니다. 카메라를 꺼도 괜찮으니 편하게 들어오세요."
                ),
                "domain": "mental",
                "needs": ["stress", "care"],
                "delivery": "online",
                "price": 10000,
                "unit": "session",
                "duration_minutes": 60,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [2], "start": "20:00", "minutes": 60, "capacity": 15},
            },
        ],
    },
    {
        "name": "아이숲 발달놀이 사회적협동조합",
        "slug": "aisup-play",
        "kind": "social_cooperative",
        "district": "jung",
        "address": "대전광역시 중구 문화로 98, 2층",
        "phone": "042-585-3317",
        "email": "aisup-play@example.kr",
        "website": "https://aisup-play.example.kr",
        "description": (
            "아동 발달 전문가와 부모 조합원들이 2019년에 만든 사회적협동조합입니다. 발달이 느린 아이와 "
            "가족이 동네에서 편하게 놀이 수업을 받을 수 있도록 돕고, 경력보유여성을 놀이 선생님으로 길러 "
            "냅니다."
        ),
        "owner": None,
        "services": [
            {
                "title": "아이 발달 놀이 수업 (월 4회)",
                "slug": "aisup-play-class",
                "summary": "말과 몸의 발달이 조금 느린 아이가 놀이로 즐겁게 자라도록 돕는 수업입니다.",
                "description": (
                    "네다섯 명의 아이가 선생님과 함께 공, 블록, 노래로 놀며 말하기와 몸 쓰기를 익힙니다. "
                    "수업 뒤 보호자에게 오늘 아이 모습과 집에서 할 놀이를 알려 드립니다. 세 살부터 일곱 "
                    "살까지 함께할 수 있습니다."
                ),
                "domain": "education",
                "needs": ["learning", "care"],
                "delivery": "venue",
                "price": 120000,
                "unit": "month",
                "duration_minutes": 50,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [1, 3, 5], "start": "16:00", "minutes": 50, "capacity": 6},
            },
            {
                "title": "발달 놀이 첫 수업 체험",
                "slug": "aisup-play-trial",
                "summary": "우리 아이에게 맞는 수업인지 한 번 함께 놀아 보며 알아보세요.",
                "description": (
                    "선생님이 아이와 40분 동안 놀며 좋아하는 것과 어려워하는 것을 살핍니다. 마친 뒤 보호자와 "
                    "짧게 상담하고 맞는 반을 안내해 드립니다. 아이가 좋아하는 장난감 하나를 가져오면 긴장이 "
                    "덜합니다."
                ),
                "domain": "education",
                "needs": ["learning"],
                "delivery": "venue",
                "price": 10000,
                "unit": "session",
                "duration_minutes": 40,
                "is_experience": True,
                "stock": None,
                "schedule": {"weekdays": [5], "start": "10:00", "minutes": 40, "capacity": 6},
            },
            {
                "title": "찾아가는 놀이 선생님 (방문)",
                "slug": "aisup-home-play",
                "summary": "센터에 오기 어려운 가정으로 놀이 선생님이 찾아가 아이와 놀아 줍니다.",
                "description": (
                    "아이가 익숙한 집에서 놀이 선생님과 일대일로 놀이 수업을 합니다. 집에 있는 물건으로 할 "
                    "수 있는 놀이를 보호자에게도 알려 드립니다. 동생이 있는 가정이나 맞벌이 가정에 특히 "
                    "도움이 됩니다."
                ),
                "domain": "education",
                "needs": ["care", "learning"],
                "delivery": "home_visit",
                "price": 40000,
                "unit": "session",
                "duration_minutes": 50,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 2, 4], "start": "16:00", "minutes": 50, "capacity": 1},
            },
            {
                "title": "발달이 느린 아이 부모 쉼 모임 (4회)",
                "slug": "aisup-parent-rest",
                "summary": "아이 걱정에 지친 부모들이 모여 마음을 쉬고 서로 힘이 되어 주는 모임입니다.",
                "description": (
                    "같은 고민을 가진 부모들이 모여 조심스러운 이야기도 편히 나눕니다. 상담사가 함께하며 "
                    "지친 마음을 돌보는 방법을 알려 드립니다. 모임 동안 아이는 놀이방에서 선생님이 돌봐 "
                    "드립니다."
                ),
                "domain": "mental",
                "needs": ["stress", "loneliness"],
                "delivery": "venue",
                "price": 20000,
                "unit": "set",
                "duration_minutes": 90,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [4], "start": "10:00", "minutes": 90, "capacity": 10},
            },
            {
                "title": "놀이 선생님 양성 과정 (경력보유여성)",
                "slug": "aisup-teacher-course",
                "summary": "아이를 키운 경험을 살려 발달 놀이 선생님으로 일하는 길을 배웁니다.",
                "description": (
                    "한 달 동안 아동 발달의 기초와 놀이 수업 이끄는 방법을 배우고 수업을 참관합니다. 과정을 "
                    "마친 분은 조합의 놀이 선생님으로 일할 수 있습니다. 보육교사나 유치원 교사로 일했던 분을 "
                    "특히 환영합니다."
                ),
                "domain": "economic",
                "needs": ["jobs", "learning"],
                "delivery": "venue",
                "price": 100000,
                "unit": "month",
                "duration_minutes": 180,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [1, 3], "start": "10:00", "minutes": 180, "capacity": 12},
            },
        ],
    },
    {
        "name": "깨끗한둥지 자활기업",
        "slug": "kkaekkeut-dungji",
        "kind": "self_sufficiency",
        "district": "daedeok",
        "address": "대전광역시 대덕구 대덕대로 1417, 1층",
        "phone": "042-628-0471",
        "email": "kkaekkeut-dungji@example.kr",
        "website": "",
        "description": (
            "지역자활센터 청소 사업단에서 출발해 2018년 자활기업이 된 곳입니다. 일자리를 다시 얻은 주민 "
            "10명이 일하며, 몸이 불편하거나 홀로 지내는 분의 집을 깨끗하고 안전하게 정리해 드립니다."
        ),
        "owner": None,
        "services": [
            {
                "title": "어르신 댁 방문 청소 (3시간)",
                "slug": "dungji-home-cleaning",
                "summary": "혼자 청소하기 힘든 어르신 댁을 두 명이 찾아가 세 시간 동안 말끔히 치웁니다.",
                "description": (
                    "부엌, 욕실, 방을 차례로 청소하고 냉장고 속 상한 음식도 정리해 드립니다. 걸려 넘어질 "
                    "만한 물건은 치우고 자주 쓰는 물건은 손 닿는 곳에 둡니다. 청소 도구와 세제는 저희가 "
                    "가져갑니다."
                ),
                "domain": "social",
                "needs": ["care", "frailty"],
                "delivery": "home_visit",
                "price": 60000,
                "unit": "session",
                "duration_minutes": 180,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 1, 2, 3, 4], "start": "09:30", "minutes": 180, "capacity": 2},
            },
            {
                "title": "집 정리와 방역 첫 이용 체험",
                "slug": "dungji-cleaning-trial",
                "summary": "한 시간 동안 욕실이나 부엌 한 곳을 집중해서 치워 보는 첫 이용 상품입니다.",
                "description": (
                    "가장 손이 많이 가는 곳 한 군데를 골라 말끔히 청소하고 소독합니다. 집 전체를 살펴보고 "
                    "다음 청소 때 필요한 일을 알려 드립니다. 처음이라 낯선 분도 편하게 맡겨 주세요."
                ),
                "domain": "social",
                "needs": ["care"],
                "delivery": "home_visit",
                "price": 15000,
                "unit": "session",
                "duration_minutes": 60,
                "is_experience": True,
                "stock": None,
                "schedule": {"weekdays": [1, 3], "start": "14:00", "minutes": 60, "capacity": 2},
            },
            {
                "title": "곰팡이와 벌레 걱정 없는 집 만들기 (방역)",
                "slug": "dungji-mold-care",
                "summary": "습한 집의 곰팡이를 없애고 벌레가 꼬이지 않도록 소독해 드립니다.",
                "description": (
                    "벽과 창틀의 곰팡이를 닦아 내고 다시 생기지 않도록 약을 바릅니다. 숨쉬기 불편하거나 "
                    "천식이 있는 분의 집은 더 꼼꼼히 살핍니다. 작업하는 동안 잠시 다른 방에 계시면 됩니다."
                ),
                "domain": "physical",
                "needs": ["chronic-care", "care"],
                "delivery": "home_visit",
                "price": 50000,
                "unit": "session",
                "duration_minutes": 120,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [5], "start": "10:00", "minutes": 120, "capacity": 2},
            },
            {
                "title": "쌓인 물건 정리 돕기 (마음 상담 연계)",
                "slug": "dungji-hoarding-care",
                "summary": "버리지 못하고 쌓인 물건 때문에 힘든 분과 천천히 함께 정리해 갑니다.",
                "description": (
                    "억지로 버리지 않고, 무엇을 남길지 어르신과 하나씩 의논하며 정리합니다. 필요하면 마음 "
                    "상담 기관과 이어 드려 다시 쌓이지 않도록 돕습니다. 동 행정복지센터의 의뢰가 있으면 "
                    "비용을 지원받을 수 있습니다."
                ),
                "domain": "mental",
                "needs": ["depression", "care"],
                "delivery": "home_visit",
                "price": 80000,
                "unit": "session",
                "duration_minutes": 240,
                "is_experience": False,
                "stock": None,
                "schedule": {"weekdays": [0, 2], "start": "10:00", "minutes": 240, "capacity": 2},
            },
        ],
    },
]


if __name__ == "__main__":
    from collections import Counter

    need_slugs = [n["slug"] for n in NEEDS]
    assert len(need_slugs) == len(set(need_slugs)), "need slugs must be unique"
    assert all(n["domain"] in DOMAINS for n in NEEDS)

    assert len(PROVIDERS) == 30, len(PROVIDERS)
    provider_slugs = [p["slug"] for p in PROVIDERS]
    assert len(provider_slugs) == len(set(provider_slugs)), "provider slugs must be unique"

    services = [s for p in PROVIDERS for s in p["services"]]
    service_slugs = [s["slug"] for s in services]
    assert len(service_slugs) == len(set(service_slugs)), "service slugs must be unique"

    for p in PROVIDERS:
        assert p["kind"] in KINDS and p["district"] in DISTRICTS, p["slug"]
        assert 3 <= len(p["services"]) <= 6, p["slug"]
    for s in services:
        assert set(s["needs"]) <= set(need_slugs), (s["slug"], s["needs"])
        assert 1 <= len(s["needs"]) <= 3, s["slug"]
        assert s["domain"] in DOMAINS and s["delivery"] in DELIVERIES and s["unit"] in UNITS, s["slug"]
        assert s["is_experience"] == ("체험" in s["title"]), s["slug"]
        shipped = s["delivery"] == "shipped"
        assert (s["stock"] is not None) == shipped, s["slug"]
        assert (s["schedule"] is None) == shipped, s["slug"]
        assert (s["duration_minutes"] is None) == shipped, s["slug"]

    domains = Counter(s["domain"] for s in services)
    assert all(domains[d] >= 15 for d in DOMAINS), domains
    districts = Counter(p["district"] for p in PROVIDERS)
    assert all(districts[d] >= 5 for d in DISTRICTS), districts
    kinds = Counter(p["kind"] for p in PROVIDERS)
    assert all(kinds[k] >= 2 for k in KINDS), kinds
    owners = Counter(p["owner"] for p in PROVIDERS if p["owner"])
    assert owners == {"owner1": 1, "owner2": 1}, owners
    assert PROVIDERS[0]["owner"] == "owner1" and PROVIDERS[1]["owner"] == "owner2"

    deliveries = Counter(s["delivery"] for s in services)
    print(f"needs: {len(NEEDS)}, providers: {len(PROVIDERS)}, services: {len(services)}")
    print("experience services:", sum(s["is_experience"] for s in services))
    print("by domain:", dict(domains))
    print("by delivery:", dict(deliveries))
    print("by district:", dict(districts))
    print("by kind:", dict(kinds))
    print("OK")
