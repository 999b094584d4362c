"""Photos of activities and of the archive; the images themselves are generated.

``key`` names the generated file and keeps a photo's picture the same on every
machine; ``activity`` is a slug from ``activities.py`` or None for the archive.
"""

from datetime import date

UNCCT = ("© КТЦ ООН", "© UNCCT")

PHOTOS = [
    {
        "key": "abuja-course-casework",
        "activity": "2024-financial-investigations-course-abuja",
        "taken_on": date(2024, 2, 13),
        "caption": (
            "Участники курса по финансовым расследованиям разбирают учебное дело, "
            "Абуджа",
            "Participants in the financial investigations course work through the "
            "training case, Abuja",
        ),
        "credit": UNCCT,
    },
    {
        "key": "mombasa-county-committee",
        "activity": "2024-study-visit-county-action-plans-kenya",
        "taken_on": date(2024, 3, 6),
        "caption": (
            "Встреча делегаций Индонезии и Филиппин с окружным комитетом "
            "безопасности в Момбасе",
            "The Indonesian and Philippine delegations meet the county security "
            "committee in Mombasa",
        ),
        "credit": (
            "© Национальный контртеррористический центр Кении",
            "© National Counter Terrorism Centre of Kenya",
        ),
    },
    {
        "key": "amman-border-crossing",
        "activity": "2024-border-management-course-amman",
        "taken_on": date(2024, 5, 22),
        "caption": (
            "Практическое занятие на пункте пропуска во время курса по управлению "
            "границами",
            "A practical session at a border crossing during the border management "
            "course",
        ),
        "credit": UNCCT,
    },
    {
        "key": "manila-group-work",
        "activity": "2024-workshop-national-action-plans-manila",
        "taken_on": date(2024, 6, 11),
        "caption": (
            "Групповая работа над показателями мониторинга, Манила",
            "Group work on monitoring indicators, Manila",
        ),
        "credit": UNCCT,
    },
    {
        "key": "dakar-mentoring-session",
        "activity": "2024-secondment-rehabilitation-experts-sahel",
        "taken_on": date(2024, 10, 3),
        "caption": (
            "Индонезийский эксперт проводит наставническую сессию для социальных "
            "работников, Дакар",
            "An Indonesian expert leads a mentoring session for social workers, Dakar",
        ),
        "credit": (
            "© Сахельский институт исследований безопасности",
            "© Sahel Institute for Security Studies",
        ),
    },
    {
        "key": "jakarta-victims-panel",
        "activity": "2024-conference-victims-jakarta",
        "taken_on": date(2024, 10, 8),
        "caption": (
            "Открытие конференции «Пострадавшие в центре внимания», Джакарта",
            "The opening of the conference on putting victims at the centre, Jakarta",
        ),
        "credit": UNCCT,
    },
    {
        "key": "jakarta-survivors-session",
        "activity": "2024-conference-victims-jakarta",
        "taken_on": date(2024, 10, 9),
        "caption": (
            "Сессия о психологической поддержке детей, пострадавших от терроризма",
            "A session on psychological support for children affected by terrorism",
        ),
        "credit": UNCCT,
    },
    {
        "key": "nairobi-trainers-practice",
        "activity": "2024-training-of-trainers-gender-nairobi",
        "taken_on": date(2024, 12, 6),
        "caption": (
            "Будущие тренеры проводят пробное занятие, Найроби",
            "Future trainers run a trial session, Nairobi",
        ),
        "credit": ("© «ООН-женщины»", "© UN Women"),
    },
    {
        "key": "rabat-prison-visit",
        "activity": "2025-study-visit-prison-reintegration-morocco",
        "taken_on": date(2025, 1, 29),
        "caption": (
            "Участники учебного визита беседуют с психологами программы "
            "реинтеграции, Рабат",
            "Study visit participants talk with the reintegration programme's "
            "psychologists, Rabat",
        ),
        "credit": UNCCT,
    },
    {
        "key": "rio-operations-centre",
        "activity": "2025-workshop-major-events-security-rio",
        "taken_on": date(2025, 2, 25),
        "caption": (
            "В оперативном центре по обеспечению безопасности крупных мероприятий, "
            "Рио-де-Жанейро",
            "At the operations centre for major-event security, Rio de Janeiro",
        ),
        "credit": ("© Федеральная полиция Бразилии", "© Federal Police of Brazil"),
    },
    {
        "key": "medellin-assistance-centre",
        "activity": "2025-expert-exchange-victim-support-medellin",
        "taken_on": date(2025, 4, 9),
        "caption": (
            "Посещение местного центра помощи пострадавшим, Медельин",
            "A visit to a local victim assistance centre, Medellín",
        ),
        "credit": UNCCT,
    },
    {
        "key": "abu-dhabi-plenary",
        "activity": "2025-interregional-conference-abu-dhabi",
        "taken_on": date(2025, 5, 13),
        "caption": (
            "Пленарное заседание межрегиональной конференции, Абу-Даби",
            "A plenary session of the inter-regional conference, Abu Dhabi",
        ),
        "credit": UNCCT,
    },
    {
        "key": "lima-cyber-exercise",
        "activity": "2025-cyber-incident-response-course-lima",
        "taken_on": date(2025, 6, 4),
        "caption": (
            "Командные учения по реагированию на кибератаку, Лима",
            "The team exercise on responding to a cyber attack, Lima",
        ),
        "credit": (
            "© Андская университетская сеть",
            "© Andean University Network",
        ),
    },
    {
        "key": "kuala-lumpur-prototypes",
        "activity": "2025-workshop-youth-campaigns-kuala-lumpur",
        "taken_on": date(2025, 9, 24),
        "caption": (
            "Молодежные команды представляют прототипы кампаний, Куала-Лумпур",
            "Youth teams present their campaign prototypes, Kuala Lumpur",
        ),
        "credit": (
            "© Молодежная сеть за мир в Юго-Восточной Азии",
            "© South-East Asia Youth for Peace Network",
        ),
    },
    {
        "key": "algiers-focal-points",
        "activity": "2025-african-focal-points-meeting-algiers",
        "taken_on": date(2025, 11, 26),
        "caption": (
            "Совещание африканских национальных координационных центров, Алжир",
            "The meeting of African national focal points, Algiers",
        ),
        "credit": UNCCT,
    },
    {
        "key": "dakar-youth-conference",
        "activity": "2026-conference-youth-prevention-dakar",
        "taken_on": date(2026, 10, 28),
        "caption": (
            "Выступление молодых лидеров на конференции «Молодежь и профилактика», "
            "Дакар",
            "Young leaders speak at the conference on youth and prevention, Dakar",
        ),
        "credit": UNCCT,
    },
    {
        "key": "archive-first-workshop",
        "activity": None,
        "taken_on": date(2019, 11, 14),
        "caption": (
            "Один из первых семинаров КТЦ ООН, на которых участники заговорили о "
            "пользе обмена опытом между странами Юга",
            "One of UNCCT's first seminars where participants spoke of the value of "
            "exchanges among countries of the South",
        ),
        "credit": ("Архив КТЦ ООН", "UNCCT archive"),
    },
    {
        "key": "archive-missions-briefing",
        "activity": None,
        "taken_on": date(2021, 3, 23),
        "caption": (
            "Брифинг для постоянных представительств о сотрудничестве Юг — Юг, "
            "Нью-Йорк",
            "A briefing for permanent missions on South-South cooperation, New York",
        ),
        "credit": ("Архив КТЦ ООН", "UNCCT archive"),
    },
    {
        "key": "archive-expert-roster",
        "activity": None,
        "taken_on": date(2022, 6, 8),
        "caption": (
            "Первое совещание экспертов, предложивших свой опыт программе",
            "The first meeting of experts who offered their experience to the "
            "programme",
        ),
        "credit": ("Архив КТЦ ООН", "UNCCT archive"),
    },
    {
        "key": "archive-project-launch",
        "activity": None,
        "taken_on": date(2023, 9, 20),
        "caption": (
            "Запуск глобального проекта обмена опытом на полях Генеральной Ассамблеи",
            "The launch of the global exchange project on the margins of the "
            "General Assembly",
        ),
        "credit": ("Архив КТЦ ООН", "UNCCT archive"),
    },
]
