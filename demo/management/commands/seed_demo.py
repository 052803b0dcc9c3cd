"""Demo data for a newcomer: ``python manage.py seed_demo``. Running it twice changes nothing.

The data lives in ``demo/data`` (see its README.md): accounts, enterprises with their services, the
demo residents' past orders and reviews, 건강반, and 건강상점 (the coming fair and a past one).

``--scale N`` adds a benchmark catalogue of N published services (N/20 providers, about 5 future slots each),
N/5 residents and 2N past orders with payments and reviews.
"""

import time

from django.core.management.base import BaseCommand

from catalog.vocabulary import needs_ensure
from demo.accounts import DEMO_PASSWORD, accounts_ensure
from demo.catalog import seed_benchmark, seed_catalog
from demo.events import seed_fairs
from demo.groups import seed_benchmark_groups, seed_groups
from demo.orders import seed_benchmark_orders, seed_history
from healthcheck.defaults import need_rules_ensure


class Command(BaseCommand):
    help = "데모 데이터를 만듭니다 (여러 번 실행해도 같은 결과)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=int, default=0, help="벤치마크용 서비스 N개를 더 만듭니다 (예: --scale 10000)."
        )

    def handle(self, *args, scale: int = 0, **options) -> None:
        accounts = accounts_ensure()
        users = {account.key: user for account, user, _new in accounts}
        staff = next(user for account, user, _new in accounts if account.is_superuser and account.login)
        needs_ensure()
        need_rules_ensure()
        catalog = seed_catalog(owners=users)
        residents = {account.key: user for account, user, _new in accounts if not account.is_staff}
        history = seed_history(residents=residents, staff=staff)
        groups = seed_groups(staff=staff, resident=users.get("resident"))
        fairs = seed_fairs(staff=staff, users=users)
        self.stdout.write(self.style.SUCCESS("데모 데이터 준비 완료."))
        self.stdout.write(
            f"  새로 만든 것: 기업 {catalog['providers']}, 서비스 {catalog['services']}, "
            f"예약 시간 {catalog['slots']}, 사진 {catalog['images']}, "
            f"데모 주민의 이용 내역 {history['orders']}건, 후기 {history['reviews']}"
        )
        self.stdout.write(
            f"  건강반 {groups['groups']}, 모임 {groups['sessions']}, 참여 {groups['members']}, "
            f"출석 기록 {groups['attendance']}"
        )
        self.stdout.write(
            f"  건강상점 {fairs['fairs']}, 부스 {fairs['booths']}, 프로그램 {fairs['programs']}, "
            f"방문 등록 {fairs['registrations']}(대기 {fairs['waitlisted']}), "
            f"프로그램 예약 {fairs['bookings']}, 입장 스캔 {fairs['checkins']}, 스탬프 {fairs['stamps']}"
        )
        if scale:
            started = time.monotonic()
            bench = seed_benchmark(services=scale)
            history = seed_benchmark_orders(residents=max(scale // 5, 1), orders=scale * 2, staff=staff)
            bench_groups = seed_benchmark_groups(groups=max(scale // 10, 1))
            self.stdout.write(
                f"  벤치마크 데이터: 기업 {bench['providers']}, 서비스 {bench['services']}, "
                f"예약 시간 {bench['slots']}, 주민 {history['residents']}, 지난 주문 {history['orders']}, "
                f"후기 {history['reviews']} 추가 ({time.monotonic() - started:.1f}초)"
            )
            self.stdout.write(
                f"  벤치마크 건강반: {bench_groups['groups']}, 모임 {bench_groups['sessions']}, "
                f"참여 {bench_groups['members']}"
            )
        self.stdout.write(f"데모 계정 (비밀번호는 모두 {DEMO_PASSWORD}):")
        for account, _user, was_created in accounts:
            if account.login:
                note = "새로 만듦" if was_created else "이미 있음"
                self.stdout.write(f"  {account.email:<24} {account.role} ({note})")
        others = sum(not account.login for account, _user, _new in accounts)
        self.stdout.write(f"  그 밖에 로그인하지 않는 데모 주민 {others}명 (지난 주문과 후기를 남긴 이웃)")
