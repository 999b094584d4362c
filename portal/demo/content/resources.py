"""The resource library: documents (generated as PDFs), videos and links.

``documents`` lists the languages a document exists in; videos and links have a
``url`` pair instead. ``activities`` are slugs from ``activities.py``.
"""

from datetime import date

from . import (
    AFRICA,
    ASIA,
    BSM,
    CI,
    CJ,
    COM,
    CTF,
    CYB,
    FTF,
    GEN,
    HR,
    LATAM,
    MIDDLE_EAST,
    NCS,
    PVE,
    VOT,
    YTH,
)

UNCCT = ("Контртеррористический центр ООН", "United Nations Counter-Terrorism Centre")
KENYA = (
    "Национальный контртеррористический центр Кении",
    "National Counter Terrorism Centre of Kenya",
)
BNPT = (
    "Национальное агентство Индонезии по борьбе с терроризмом",
    "National Counter-Terrorism Agency of Indonesia",
)
NFIU = ("Служба финансовой разведки Нигерии", "Nigerian Financial Intelligence Unit")
COLOMBIA = (
    "Генеральная прокуратура Колумбии",
    "Office of the Attorney General of Colombia",
)
JORDAN = (
    "Управление общественной безопасности Иордании",
    "Public Security Directorate of Jordan",
)
MOROCCO = ("Министерство юстиции Марокко", "Ministry of Justice of Morocco")
BRAZIL = ("Федеральная полиция Бразилии", "Federal Police of Brazil")
SAHEL = (
    "Сахельский институт исследований безопасности",
    "Sahel Institute for Security Studies",
)
SEAYPN = (
    "Молодежная сеть за мир в Юго-Восточной Азии",
    "South-East Asia Youth for Peace Network",
)
VICTIMS = (
    "Ассоциация пострадавших от терроризма и их семей",
    "Association of Victims of Terrorism and their Families",
)
UNODC = ("УНП ООН", "UNODC")
UN_WOMEN = ("«ООН-женщины»", "UN Women")
HEDAYAH = ("«Хедайя»", "Hedayah")
CICTE = ("СИКТЕ ОАГ", "OAS CICTE")
EGMONT = ("Группа «Эгмонт»", "Egmont Group")

BOTH = ("ru", "en")
RU = ("ru",)
EN = ("en",)

RESOURCES = [
    # Publications
    {
        "slug": "south-south-cooperation-2024-in-review",
        "kind": "publication",
        "access": "public",
        "documents": BOTH,
        "published_on": date(2025, 3, 14),
        "publisher": UNCCT,
        "themes": [NCS, PVE, CTF],
        "regions": [AFRICA, ASIA, MIDDLE_EAST, LATAM],
        "countries": [],
        "activities": [
            "2024-financial-investigations-course-abuja",
            "2024-study-visit-county-action-plans-kenya",
            "2024-conference-victims-jakarta",
        ],
        "title": (
            "Сотрудничество Юг — Юг в противодействии терроризму: итоги 2024 года",
            "South-South cooperation in counter-terrorism: 2024 in review",
        ),
        "summary": (
            "Ежегодный обзор программы: десять мероприятий, более шестисот "
            "участников и первые измеримые результаты обмена опытом.",
            "The programme's annual review: ten activities, more than six hundred "
            "participants and the first measurable results of the exchanges.",
        ),
        "body": (
            [
                "Обзор рассказывает, кто с кем делился опытом в 2024 году, какие "
                "темы были самыми востребованными и что изменилось в работе "
                "ведомств после мероприятий. Отдельная глава посвящена участию "
                "женщин и тому, как его увеличить.",
            ],
            [
                "The review describes who shared expertise with whom in 2024, which "
                "subjects were most in demand and what changed in the work of "
                "agencies after the activities. A separate chapter looks at women's "
                "participation and how to increase it.",
            ],
        ),
    },
    {
        "slug": "south-south-cooperation-2025-in-review",
        "kind": "publication",
        "access": "public",
        "documents": BOTH,
        "published_on": date(2026, 3, 19),
        "publisher": UNCCT,
        "themes": [NCS, BSM, CJ, YTH],
        "regions": [AFRICA, ASIA, MIDDLE_EAST, LATAM],
        "countries": [],
        "activities": [
            "2025-interregional-conference-abu-dhabi",
            "2025-african-focal-points-meeting-algiers",
        ],
        "title": (
            "Сотрудничество Юг — Юг в противодействии терроризму: итоги 2025 года",
            "South-South cooperation in counter-terrorism: 2025 in review",
        ),
        "summary": (
            "Второй ежегодный обзор: больше ответных визитов, первые взносы в "
            "натуральной форме и рамка для оценки мероприятий.",
            "The second annual review: more return visits, the first in-kind "
            "contributions and a framework for evaluating activities.",
        ),
        "body": (
            [
                "В 2025 году обмен опытом стал двусторонним: страны, которые "
                "принимали гостей, сами отправились учиться к партнерам. В обзоре "
                "собраны данные по одиннадцати мероприятиям и итоги конференции в "
                "Абу-Даби.",
            ],
            [
                "In 2025 the exchange became a two-way street: countries that had "
                "hosted visitors went to learn from their partners in turn. The "
                "review brings together data on eleven activities and the results "
                "of the Abu Dhabi conference.",
            ],
        ),
    },
    {
        "slug": "mobile-money-terrorist-financing-risks",
        "kind": "publication",
        "access": "public",
        "documents": EN,
        "published_on": date(2025, 5, 12),
        "publisher": NFIU,
        "themes": [CTF, CYB],
        "regions": [AFRICA],
        "countries": ["NGA", "KEN"],
        "activities": ["2024-analyst-exchange-nigeria-colombia"],
        "title": (
            "Мобильные деньги и риски финансирования терроризма в Африке",
            "Mobile money and terrorist financing risks in Africa",
        ),
        "summary": (
            "Исследование о том, как мобильные платежи меняют способы "
            "финансирования терроризма и работу подразделений финансовой разведки.",
            "A study of how mobile payments change the ways terrorism is financed "
            "and the work of financial intelligence units.",
        ),
        "body": (
            [
                "Авторы сравнивают данные нескольких стран и показывают, что "
                "злоупотребления чаще всего связаны с дроблением переводов и "
                "использованием чужих кошельков. Документ доступен на английском "
                "языке.",
            ],
            [
                "The authors compare data from several countries and show that abuse "
                "is most often linked to splitting transfers and using other "
                "people's wallets. The document is available in English.",
            ],
        ),
    },
    {
        "slug": "drivers-of-radicalisation-sahel-borderlands",
        "kind": "publication",
        "access": "missions",
        "documents": BOTH,
        "published_on": date(2025, 9, 30),
        "publisher": SAHEL,
        "themes": [PVE, YTH, BSM],
        "regions": [AFRICA],
        "countries": ["SEN", "MLI", "NER"],
        "activities": ["2024-secondment-rehabilitation-experts-sahel"],
        "title": (
            "Факторы радикализации в приграничных районах Сахеля",
            "Drivers of radicalisation in the borderlands of the Sahel",
        ),
        "summary": (
            "Полевое исследование о том, почему молодые люди в приграничных районах "
            "присоединяются к вооруженным группам и что их удерживает от этого.",
            "A field study of why young people in border areas join armed groups "
            "and what keeps them from doing so.",
        ),
        "body": (
            [
                "Исследование основано на интервью в двенадцати общинах. Авторы "
                "выделяют три группы факторов: экономические, связанные с "
                "безопасностью и связанные с доверием к государству. Документ "
                "содержит сведения, которые распространяются только среди "
                "представительств государств-членов.",
            ],
            [
                "The study is based on interviews in twelve communities. The authors "
                "identify three groups of factors: economic, security-related and "
                "those linked to trust in the state. The document contains "
                "information shared only with member states' missions.",
            ],
        ),
    },
    {
        "slug": "victims-rights-conference-report",
        "kind": "publication",
        "access": "public",
        "documents": BOTH,
        "published_on": date(2024, 12, 5),
        "publisher": UNCCT,
        "themes": [VOT, HR],
        "regions": [ASIA, MIDDLE_EAST],
        "countries": ["IDN", "IRQ"],
        "activities": ["2024-conference-victims-jakarta"],
        "title": (
            "Права пострадавших от терроризма: отчет о конференции в Джакарте",
            "The rights of victims of terrorism: report of the Jakarta conference",
        ),
        "summary": (
            "Итоги трехдневной конференции и рекомендации о минимальных стандартах "
            "поддержки пострадавших.",
            "The results of the three-day conference and its recommendations on "
            "minimum standards of support for victims.",
        ),
        "body": (
            [
                "Отчет излагает основные выступления, в том числе пострадавших, и "
                "приводит полный текст рекомендаций: о праве на информацию, на "
                "помощь, на участие в судебном процессе и на возмещение ущерба.",
            ],
            [
                "The report sums up the main contributions, including those of "
                "survivors, and gives the full text of the recommendations on the "
                "rights to information, assistance, participation in proceedings "
                "and reparation.",
            ],
        ),
    },
    {
        "slug": "youth-and-communities-evaluation",
        "kind": "publication",
        "access": "public",
        "documents": EN,
        "status": "review",
        "published_on": date(2026, 11, 10),
        "publisher": SAHEL,
        "themes": [YTH, PVE, GEN],
        "regions": [AFRICA, ASIA],
        "countries": ["KEN", "IDN", "PHL", "SEN"],
        "activities": ["2026-conference-youth-prevention-dakar"],
        "title": (
            "Оценка проекта «Молодежь и общины против насильственного экстремизма»",
            "Evaluation of the Youth and Communities against Violent Extremism project",
        ),
        "summary": (
            "Независимая оценка: какие практики прижились в странах-получателях и "
            "что стоит изменить, если проект будет продлен.",
            "An independent evaluation: which practices took root in the recipient "
            "countries and what should change if the project is extended.",
        ),
        "body": (
            [
                "Оценка опирается на интервью с участниками, анализ документов и "
                "посещение четырех стран. Русская версия готовится.",
            ],
            [
                "The evaluation draws on interviews with participants, a review of "
                "documents and visits to four countries. A Russian version is in "
                "preparation.",
            ],
        ),
    },
    {
        "slug": "women-in-border-services",
        "kind": "publication",
        "access": "public",
        "documents": BOTH,
        "published_on": date(2025, 4, 30),
        "publisher": UN_WOMEN,
        "themes": [GEN, BSM],
        "regions": [MIDDLE_EAST, ASIA, AFRICA],
        "countries": ["JOR", "PHL"],
        "activities": ["2025-webinar-women-border-security"],
        "title": (
            "Женщины в пограничных службах: данные и практика",
            "Women in border services: data and practice",
        ),
        "summary": (
            "Сколько женщин служит на границе, с какими препятствиями они "
            "сталкиваются и какие меры помогают их привлечь и удержать.",
            "How many women serve at borders, what obstacles they face and which "
            "measures help recruit and keep them.",
        ),
        "body": (
            [
                "Публикация подготовлена по итогам вебинара и содержит данные "
                "опроса пограничных ведомств десяти стран, а также примеры "
                "кадровой политики Иордании и Филиппин.",
            ],
            [
                "The publication follows up the webinar and presents survey data "
                "from border agencies in ten countries, with examples of staffing "
                "policy from Jordan and the Philippines.",
            ],
        ),
    },
    {
        "slug": "programme-mid-term-evaluation-internal",
        "kind": "publication",
        "access": "staff",
        "documents": BOTH,
        "published_on": date(2025, 12, 1),
        "publisher": UNCCT,
        "themes": [NCS],
        "regions": [AFRICA, ASIA, MIDDLE_EAST, LATAM],
        "countries": [],
        "activities": [],
        "title": (
            "Промежуточная оценка программы: внутренний отчет",
            "Mid-term evaluation of the programme: internal report",
        ),
        "summary": (
            "Внутренний отчет для сотрудников КТЦ ООН: выполнение плана, "
            "расходы и рекомендации по управлению программой.",
            "An internal report for UNCCT staff: delivery against plan, spending "
            "and recommendations on managing the programme.",
        ),
        "body": (
            [
                "Отчет содержит предварительные финансовые данные и оценки "
                "партнеров, поэтому предназначен только для сотрудников.",
            ],
            [
                "The report contains provisional financial data and assessments of "
                "partners, and is therefore for staff only.",
            ],
        ),
    },
    # Handbooks and toolkits
    {
        "slug": "guide-local-action-plans-pve",
        "kind": "toolkit",
        "access": "public",
        "documents": BOTH,
        "published_on": date(2024, 6, 3),
        "publisher": KENYA,
        "themes": [PVE, NCS, YTH],
        "regions": [AFRICA, ASIA],
        "countries": ["KEN"],
        "activities": ["2024-study-visit-county-action-plans-kenya"],
        "title": (
            "Руководство по разработке местных планов действий по предупреждению "
            "насильственного экстремизма",
            "Guide to drafting local action plans for preventing violent extremism",
        ),
        "summary": (
            "Пошаговое руководство для окружных и муниципальных властей: от анализа "
            "местной ситуации до отчета о результатах.",
            "A step-by-step guide for county and municipal authorities, from "
            "analysing the local situation to reporting on results.",
        ),
        "body": (
            [
                "Руководство написано по опыту кенийских округов и дополнено "
                "замечаниями индонезийских и филиппинских коллег, побывавших в "
                "Кении. В приложениях — образцы документов и список вопросов для "
                "встреч с общинами.",
            ],
            [
                "The guide draws on the experience of Kenyan counties, with comments "
                "from Indonesian and Philippine colleagues who visited Kenya. The "
                "annexes contain sample documents and a list of questions for "
                "community meetings.",
            ],
        ),
    },
    {
        "slug": "checklist-major-events-security",
        "kind": "toolkit",
        "access": "public",
        "documents": BOTH,
        "published_on": date(2025, 4, 15),
        "publisher": BRAZIL,
        "themes": [CI, BSM],
        "regions": [LATAM, AFRICA, ASIA],
        "countries": ["BRA"],
        "activities": ["2025-workshop-major-events-security-rio"],
        "title": (
            "Контрольный список: безопасность крупных мероприятий",
            "Checklist: security for major events",
        ),
        "summary": (
            "Что проверить за год, за месяц и за день до крупного мероприятия, "
            "чтобы все ведомства работали согласованно.",
            "What to check a year, a month and a day before a major event so that "
            "all agencies work in step.",
        ),
        "body": (
            [
                "Список разбит на разделы: оценка угроз, управление доступом, "
                "единый оперативный центр, киберзащита, связь с общественностью и "
                "действия после инцидента.",
            ],
            [
                "The checklist is divided into sections: threat assessment, access "
                "control, a joint operations centre, cyber defence, public "
                "communication and action after an incident.",
            ],
        ),
    },
    {
        "slug": "individual-rehabilitation-plans-guide",
        "kind": "toolkit",
        "access": "missions",
        "documents": EN,
        "published_on": date(2025, 1, 20),
        "publisher": BNPT,
        "themes": [FTF, PVE],
        "regions": [AFRICA, ASIA],
        "countries": ["IDN", "SEN"],
        "activities": ["2024-secondment-rehabilitation-experts-sahel"],
        "title": (
            "Индивидуальные планы реабилитации: руководство для практиков",
            "Individual rehabilitation plans: a practitioner's guide",
        ),
        "summary": (
            "Как составить, вести и пересматривать индивидуальный план "
            "реабилитации для человека, осужденного за преступление "
            "террористического характера.",
            "How to draw up, follow and review an individual rehabilitation plan "
            "for a person convicted of a terrorist offence.",
        ),
        "body": (
            [
                "Руководство подготовлено индонезийскими экспертами во время "
                "командировки в Дакар. Оно содержит формы оценки рисков и "
                "потребностей, поэтому доступно только представительствам.",
            ],
            [
                "Indonesian experts wrote the guide during their secondment in "
                "Dakar. It contains risk and needs assessment forms and is therefore "
                "available to missions only.",
            ],
        ),
    },
    {
        "slug": "indicators-monitoring-national-strategies",
        "kind": "toolkit",
        "access": "public",
        "documents": BOTH,
        "published_on": date(2024, 9, 2),
        "publisher": UNCCT,
        "themes": [NCS, HR],
        "regions": [ASIA, AFRICA],
        "countries": ["PHL", "TUN"],
        "activities": ["2024-workshop-national-action-plans-manila"],
        "title": (
            "Показатели для мониторинга национальных контртеррористических стратегий",
            "Indicators for monitoring national counter-terrorism strategies",
        ),
        "summary": (
            "Набор из сорока показателей с описанием источников данных и примерами "
            "их использования.",
            "A set of forty indicators, with data sources and examples of how they "
            "are used.",
        ),
        "body": (
            [
                "Набор составлен на практикуме в Маниле. Для каждого показателя "
                "указано, что он измеряет, откуда брать данные и как часто их "
                "обновлять.",
            ],
            [
                "The set was put together at the Manila workshop. For each indicator "
                "it states what it measures, where the data come from and how often "
                "to update them.",
            ],
        ),
    },
    {
        "slug": "gender-analysis-prevention-workbook",
        "kind": "toolkit",
        "access": "public",
        "documents": BOTH,
        "published_on": date(2025, 2, 14),
        "publisher": UN_WOMEN,
        "themes": [GEN, PVE],
        "regions": [AFRICA, ASIA],
        "countries": ["KEN"],
        "activities": ["2024-training-of-trainers-gender-nairobi"],
        "title": (
            "Гендерный анализ программ профилактики: рабочая тетрадь",
            "Gender analysis of prevention programmes: a workbook",
        ),
        "summary": (
            "Упражнения и вопросы, которые помогают увидеть, как программа "
            "профилактики влияет на женщин и мужчин, девочек и мальчиков.",
            "Exercises and questions that help show how a prevention programme "
            "affects women and men, girls and boys.",
        ),
        "body": (
            [
                "Рабочая тетрадь выросла из курса подготовки тренеров в Найроби. Ее "
                "можно использовать самостоятельно или на семинаре.",
            ],
            [
                "The workbook grew out of the training of trainers in Nairobi. It "
                "can be used on one's own or in a seminar.",
            ],
        ),
    },
    {
        "slug": "victims-register-step-by-step",
        "kind": "toolkit",
        "access": "public",
        "documents": RU,
        "published_on": date(2025, 8, 20),
        "publisher": VICTIMS,
        "themes": [VOT, HR],
        "regions": [MIDDLE_EAST, LATAM],
        "countries": ["IRQ", "COL"],
        "activities": ["2025-expert-exchange-victim-support-medellin"],
        "title": (
            "Создание реестра пострадавших: пошаговое руководство",
            "Setting up a register of victims: a step-by-step guide",
        ),
        "summary": (
            "Как организовать учет пострадавших от терроризма, чтобы он помогал "
            "им получать помощь, а не становился еще одним барьером.",
            "How to organise a register of victims of terrorism so that it helps "
            "them obtain support instead of becoming another barrier.",
        ),
        "body": (
            [
                "Руководство подготовлено по итогам обмена с Колумбией. Английская "
                "версия готовится.",
            ],
            [
                "The guide follows up the exchange with Colombia. An English "
                "version is in preparation.",
            ],
        ),
    },
    {
        "slug": "digital-evidence-handbook-draft",
        "kind": "toolkit",
        "access": "public",
        "documents": RU,
        # Being written for the December 2026 course: a draft, staff only.
        "status": "draft",
        "published_on": date(2026, 12, 1),
        "publisher": UNCCT,
        "themes": [CYB, CJ, HR],
        "regions": [ASIA, LATAM],
        "countries": ["IDN", "PHL"],
        "activities": ["2026-online-terrorist-content-course-jakarta"],
        "title": (
            "Руководство по сбору и сохранению цифровых доказательств",
            "Handbook on gathering and preserving digital evidence",
        ),
        "summary": (
            "Рабочий вариант руководства к курсу по расследованию "
            "террористического контента в интернете.",
            "A working draft of the handbook for the course on investigating "
            "terrorist content online.",
        ),
        "body": (
            [
                "Черновик: разделы о запросах к интернет-платформам еще "
                "дорабатываются.",
            ],
            [
                "Draft: the sections on requests to online platforms are still being "
                "written.",
            ],
        ),
    },
    # Good practices
    {
        "slug": "county-security-committees-kenya",
        "kind": "good_practice",
        "access": "public",
        "documents": BOTH,
        "published_on": date(2024, 4, 10),
        "publisher": UNCCT,
        "themes": [PVE, NCS, YTH],
        "regions": [AFRICA],
        "countries": ["KEN"],
        "activities": ["2024-study-visit-county-action-plans-kenya"],
        "title": (
            "Окружные комитеты безопасности в Кении",
            "County security committees in Kenya",
        ),
        "summary": (
            "Как местные комитеты объединяют власти, полицию, религиозных лидеров и "
            "молодежь для профилактики насильственного экстремизма.",
            "How local committees bring authorities, the police, faith leaders and "
            "young people together to prevent violent extremism.",
        ),
        "body": (
            [
                "Описание практики: состав комитетов, порядок работы, источники "
                "финансирования и трудности, с которыми сталкиваются округа. "
                "Практика уже заимствована Филиппинами.",
            ],
            [
                "A description of the practice: who sits on the committees, how they "
                "work, how they are funded and the difficulties counties face. The "
                "Philippines has already adopted the practice.",
            ],
        ),
    },
    {
        "slug": "mobile-money-detection-scenarios",
        "kind": "good_practice",
        "access": "missions",
        "documents": EN,
        "published_on": date(2024, 10, 15),
        "publisher": NFIU,
        "themes": [CTF],
        "regions": [AFRICA, LATAM],
        "countries": ["NGA", "COL"],
        "activities": ["2024-analyst-exchange-nigeria-colombia"],
        "title": (
            "Сценарии выявления подозрительных операций с мобильными деньгами",
            "Scenarios for detecting suspicious mobile money transactions",
        ),
        "summary": (
            "Восемь сценариев, по которым нигерийская служба финансовой разведки "
            "выявляет возможное финансирование терроризма.",
            "Eight scenarios the Nigerian financial intelligence unit uses to spot "
            "possible terrorist financing.",
        ),
        "body": (
            [
                "Сценарии описывают признаки, пороговые значения и порядок проверки. "
                "Поскольку они раскрывают методы работы, документ доступен только "
                "представительствам.",
            ],
            [
                "The scenarios set out red flags, thresholds and how to check them. "
                "Because they reveal working methods, the document is for missions "
                "only.",
            ],
        ),
    },
    {
        "slug": "prison-reintegration-programme-morocco",
        "kind": "good_practice",
        "access": "public",
        "documents": BOTH,
        "published_on": date(2025, 3, 3),
        "publisher": MOROCCO,
        "themes": [CJ, FTF, PVE],
        "regions": [AFRICA],
        "countries": ["MAR"],
        "activities": ["2025-study-visit-prison-reintegration-morocco"],
        "title": (
            "Программа реинтеграции в пенитенциарных учреждениях Марокко",
            "Morocco's prison reintegration programme",
        ),
        "summary": (
            "Программа сочетает правовое просвещение, психологическую помощь и "
            "диалог с богословами и продолжается после освобождения.",
            "The programme combines legal education, psychological support and "
            "dialogue with religious scholars, and continues after release.",
        ),
        "body": (
            [
                "В описании приведены этапы программы, критерии отбора участников, "
                "роль семей и показатели, по которым оценивается результат.",
            ],
            [
                "The description covers the stages of the programme, how "
                "participants are selected, the role of families and the indicators "
                "used to judge results.",
            ],
        ),
    },
    {
        "slug": "colombia-single-victims-register",
        "kind": "good_practice",
        "access": "public",
        "documents": BOTH,
        "published_on": date(2025, 5, 20),
        "publisher": COLOMBIA,
        "themes": [VOT, CJ],
        "regions": [LATAM],
        "countries": ["COL"],
        "activities": ["2025-expert-exchange-victim-support-medellin"],
        "title": (
            "Единый реестр пострадавших в Колумбии",
            "Colombia's single register of victims",
        ),
        "summary": (
            "Как устроен реестр с миллионами записей и как он связан с выплатами, "
            "медицинской помощью и образованием.",
            "How a register with millions of entries works and how it is linked to "
            "payments, healthcare and education.",
        ),
        "body": (
            [
                "Описание показывает путь заявления от подачи до включения в реестр "
                "и объясняет, как защищаются персональные данные пострадавших.",
            ],
            [
                "The description follows a claim from submission to entry in the "
                "register and explains how victims' personal data are protected.",
            ],
        ),
    },
    {
        "slug": "womens-units-jordan-border-service",
        "kind": "good_practice",
        "access": "public",
        "documents": RU,
        "published_on": date(2026, 10, 5),
        "publisher": JORDAN,
        "themes": [GEN, BSM],
        "regions": [MIDDLE_EAST, AFRICA],
        "countries": ["JOR", "KEN"],
        "activities": [
            "2025-webinar-women-border-security",
            "2026-border-officer-exchange-jordan-kenya",
        ],
        "title": (
            "Женские подразделения пограничной службы Иордании",
            "Women's units in Jordan's border service",
        ),
        "summary": (
            "Как Иордания набирает, обучает и удерживает женщин в пограничной службе.",
            "How Jordan recruits, trains and keeps women in its border service.",
        ),
        "body": (
            [
                "Практика описана по итогам вебинара 2025 года и обмена с Кенией в "
                "2026 году. Английская версия готовится.",
            ],
            [
                "The practice is described following the 2025 webinar and the 2026 "
                "exchange with Kenya. An English version is in preparation.",
            ],
        ),
    },
    {
        "slug": "transit-centre-returnees-indonesia",
        "kind": "good_practice",
        "access": "missions",
        "documents": BOTH,
        "published_on": date(2025, 8, 29),
        "publisher": BNPT,
        "themes": [FTF, VOT],
        "regions": [ASIA, AFRICA],
        "countries": ["IDN"],
        "activities": ["2025-study-visit-rehabilitation-indonesia"],
        "title": (
            "Центр временного пребывания для вернувшихся: опыт Индонезии",
            "A transit centre for returnees: Indonesia's experience",
        ),
        "summary": (
            "Как работает центр, где вернувшиеся из зон конфликтов и их дети "
            "проходят первые месяцы адаптации.",
            "How a centre works where people returning from conflict zones and "
            "their children spend their first months of adjustment.",
        ),
        "body": (
            [
                "Описание включает распорядок центра, состав специалистов, работу с "
                "детьми и порядок передачи семей общинам.",
            ],
            [
                "The description covers the centre's routine, its staff, work with "
                "children and how families are handed over to communities.",
            ],
        ),
    },
    {
        "slug": "managing-seized-assets-colombia",
        "kind": "good_practice",
        "access": "missions",
        "documents": EN,
        "published_on": date(2026, 5, 15),
        "publisher": COLOMBIA,
        "themes": [CTF, CJ],
        "regions": [LATAM, AFRICA, MIDDLE_EAST],
        "countries": ["COL", "NGA"],
        "activities": ["2026-study-visit-financial-investigations-colombia"],
        "title": (
            "Управление арестованными активами: опыт Колумбии",
            "Managing seized assets: Colombia's experience",
        ),
        "summary": (
            "Как сохранить стоимость арестованного имущества до решения суда и "
            "направить конфискованное на возмещение ущерба пострадавшим.",
            "How to preserve the value of seized property until a court rules, and "
            "use confiscated assets to compensate victims.",
        ),
        "body": (
            [
                "Практика подготовлена для делегаций, посетивших Колумбию в 2026 "
                "году, и содержит внутренние процедуры ведомства.",
            ],
            [
                "The practice was written up for the delegations that visited "
                "Colombia in 2026 and includes the agency's internal procedures.",
            ],
        ),
    },
    {
        "slug": "youth-campaigns-online-recruitment",
        "kind": "good_practice",
        "access": "public",
        "documents": EN,
        "published_on": date(2025, 10, 20),
        "publisher": SEAYPN,
        "themes": [YTH, COM],
        "regions": [ASIA, AFRICA],
        "countries": ["MYS", "KEN", "SEN"],
        "activities": ["2025-workshop-youth-campaigns-kuala-lumpur"],
        "title": (
            "Молодежные кампании против вербовки в интернете",
            "Youth campaigns against online recruitment",
        ),
        "summary": (
            "Шесть кампаний, созданных молодыми активистами, и что показала их "
            "проверка на аудитории.",
            "Six campaigns created by young activists, and what testing them with "
            "audiences showed.",
        ),
        "body": (
            [
                "Каждая кампания описана по единой схеме: аудитория, сообщение, "
                "каналы, бюджет, результаты. Документ на английском языке.",
            ],
            [
                "Each campaign is described in the same way: audience, message, "
                "channels, budget and results. The document is in English.",
            ],
        ),
    },
    # Training materials
    {
        "slug": "training-case-armed-group-finances",
        "kind": "training",
        "access": "missions",
        "documents": BOTH,
        "published_on": date(2024, 2, 20),
        "publisher": COLOMBIA,
        "themes": [CTF, CJ],
        "regions": [LATAM, AFRICA],
        "countries": ["COL", "NGA"],
        "activities": ["2024-financial-investigations-course-abuja"],
        "title": (
            "Учебное дело: финансовая сеть вооруженной группы",
            "Training case: the financial network of an armed group",
        ),
        "summary": (
            "Обезличенное дело для курса по финансовым расследованиям: материалы, "
            "задания и разбор для преподавателя.",
            "An anonymised case for a course on financial investigations: "
            "materials, exercises and notes for the trainer.",
        ),
        "body": (
            [
                "Дело включает банковские выписки, сообщения о подозрительных "
                "операциях и протоколы допросов, подготовленные на основе реального "
                "расследования.",
            ],
            [
                "The case includes bank statements, suspicious transaction reports "
                "and interview records based on a real investigation.",
            ],
        ),
    },
    {
        "slug": "border-officer-pocket-guide",
        "kind": "training",
        "access": "public",
        "documents": BOTH,
        "published_on": date(2024, 6, 14),
        "publisher": JORDAN,
        "themes": [BSM, FTF],
        "regions": [MIDDLE_EAST, AFRICA],
        "countries": ["JOR", "TUN", "MAR"],
        "activities": ["2024-border-management-course-amman"],
        "title": (
            "Памятка пограничника: проверка документов и баз данных",
            "Border officer's pocket guide: checking documents and databases",
        ),
        "summary": (
            "Краткая памятка о проверке паспортов, работе с базами данных и "
            "действиях при совпадении с розыскными списками.",
            "A short guide to checking passports, using databases and what to do "
            "when a name matches a watch list.",
        ),
        "body": (
            [
                "Памятка подготовлена по итогам курса в Аммане и рассчитана на "
                "сотрудников пунктов пропуска.",
            ],
            [
                "The guide was prepared after the Amman course and is meant for "
                "officers at border crossings.",
            ],
        ),
    },
    {
        "slug": "strategic-communications-webinar-slides",
        "kind": "training",
        "access": "public",
        "documents": EN,
        "published_on": date(2024, 4, 25),
        "publisher": HEDAYAH,
        "themes": [COM, PVE],
        "regions": [AFRICA, ASIA],
        "countries": [],
        "activities": ["2024-webinar-strategic-communications"],
        "title": (
            "Стратегические коммуникации в профилактике: материалы вебинара",
            "Strategic communications in prevention: webinar materials",
        ),
        "summary": (
            "Презентации и упражнения вебинара «Хедайи» о построении и проверке "
            "альтернативных сообщений.",
            "Slides and exercises from Hedayah's webinar on building and testing "
            "alternative messages.",
        ),
        "body": (
            [
                "Материалы можно использовать для собственных занятий; упражнения "
                "рассчитаны на группы из пяти–восьми человек.",
            ],
            [
                "The materials can be used for your own sessions; the exercises are "
                "designed for groups of five to eight people.",
            ],
        ),
    },
    {
        "slug": "cyber-exercise-power-grid-scenario",
        "kind": "training",
        "access": "staff",
        "documents": EN,
        "published_on": date(2025, 6, 20),
        "publisher": CICTE,
        "themes": [CYB, CI],
        "regions": [LATAM, AFRICA, ASIA],
        "countries": ["PER"],
        "activities": ["2025-cyber-incident-response-course-lima"],
        "title": (
            "Сценарий учений: кибератака на энергосеть",
            "Exercise scenario: a cyber attack on a power grid",
        ),
        "summary": (
            "Полный сценарий командных учений, включая вводные для ведущего. "
            "Передается партнерам по запросу.",
            "The full scenario of the team exercise, including injects for the "
            "facilitator. Shared with partners on request.",
        ),
        "body": (
            [
                "Сценарий нельзя публиковать: участники будущих учений не должны "
                "знать вводные заранее.",
            ],
            [
                "The scenario must not be published: participants in future "
                "exercises should not know the injects in advance.",
            ],
        ),
    },
    {
        "slug": "gender-responsive-prevention-tot-module",
        "kind": "training",
        "access": "public",
        "documents": BOTH,
        "published_on": date(2024, 12, 20),
        "publisher": UN_WOMEN,
        "themes": [GEN, PVE],
        "regions": [AFRICA, ASIA],
        "countries": ["KEN", "SEN", "MYS"],
        "activities": ["2024-training-of-trainers-gender-nairobi"],
        "title": (
            "Модуль подготовки тренеров: профилактика с учетом гендерных аспектов",
            "Training of trainers module: gender-responsive prevention",
        ),
        "summary": (
            "Пятидневная программа с планами занятий, раздаточными материалами и "
            "формами оценки.",
            "A five-day programme with session plans, handouts and assessment forms.",
        ),
        "body": (
            [
                "Модуль апробирован в Найроби и переведен на французский язык для "
                "стран Сахеля.",
            ],
            [
                "The module was piloted in Nairobi and translated into French for "
                "Sahel countries.",
            ],
        ),
    },
    {
        "slug": "assessing-evidence-terrorism-cases",
        "kind": "training",
        "access": "missions",
        "documents": RU,
        "published_on": date(2026, 3, 2),
        "publisher": MOROCCO,
        "themes": [CJ, HR],
        "regions": [AFRICA],
        "countries": ["MAR", "TUN"],
        "activities": ["2026-judges-course-terrorism-cases-rabat"],
        "title": (
            "Вопросы для оценки доказательств по делам о терроризме",
            "Questions for assessing evidence in terrorism cases",
        ),
        "summary": (
            "Перечень вопросов, которые судья может задать себе, оценивая "
            "доказательства, полученные от иностранных партнеров или из "
            "интернета.",
            "Questions a judge can ask when assessing evidence obtained from "
            "foreign partners or from the internet.",
        ),
        "body": (
            [
                "Перечень подготовлен участниками курса для судей в Рабате.",
            ],
            [
                "The list was compiled by participants in the judges' course in Rabat.",
            ],
        ),
    },
    {
        "slug": "youth-campaign-workshop-method",
        "kind": "training",
        "access": "public",
        "documents": BOTH,
        "published_on": date(2025, 11, 10),
        "publisher": SEAYPN,
        "themes": [YTH, COM],
        "regions": [ASIA, AFRICA],
        "countries": ["MYS"],
        "activities": ["2025-workshop-youth-campaigns-kuala-lumpur"],
        "title": (
            "Методика практикума по молодежным кампаниям",
            "Method for a youth campaign workshop",
        ),
        "summary": (
            "Как за три дня провести команды от идеи до проверенного прототипа "
            "кампании.",
            "How to take teams from an idea to a tested campaign prototype in three "
            "days.",
        ),
        "body": (
            [
                "Методика содержит расписание, задания для команд, правила работы "
                "с фокус-группами и советы наставникам.",
            ],
            [
                "The method includes a timetable, team exercises, rules for working "
                "with focus groups and advice for mentors.",
            ],
        ),
    },
    # Legal instruments
    {
        "slug": "model-provisions-terrorist-financing-commentary",
        "kind": "legal",
        "access": "public",
        "documents": BOTH,
        "published_on": date(2024, 5, 6),
        "publisher": UNODC,
        "themes": [CTF, CJ],
        "regions": [AFRICA, ASIA, MIDDLE_EAST, LATAM],
        "countries": [],
        "activities": [],
        "title": (
            "Типовые положения о криминализации финансирования терроризма: комментарий",
            "Model provisions on criminalising the financing of terrorism: a "
            "commentary",
        ),
        "summary": (
            "Комментарий к типовым положениям с примерами из законодательства "
            "стран Юга.",
            "A commentary on the model provisions with examples from the laws of "
            "countries of the South.",
        ),
        "body": (
            [
                "Для каждого положения приведены варианты формулировок, "
                "встречающиеся в национальных законах, и их плюсы и минусы.",
            ],
            [
                "For each provision the commentary gives the wordings found in "
                "national laws, with their advantages and drawbacks.",
            ],
        ),
    },
    {
        "slug": "compensation-laws-comparative-overview",
        "kind": "legal",
        "access": "public",
        "documents": BOTH,
        "published_on": date(2025, 1, 15),
        "publisher": UNODC,
        "themes": [VOT, HR, CJ],
        "regions": [ASIA, LATAM, MIDDLE_EAST],
        "countries": ["IDN", "COL", "IRQ"],
        "activities": ["2024-conference-victims-jakarta"],
        "title": (
            "Законодательство о компенсациях пострадавшим от терроризма: "
            "сравнительный обзор",
            "Laws on compensation for victims of terrorism: a comparative overview",
        ),
        "summary": (
            "Кто имеет право на компенсацию, в каком размере и в какие сроки: "
            "сравнение законов нескольких стран.",
            "Who is entitled to compensation, how much and how soon: a comparison "
            "of laws in several countries.",
        ),
        "body": (
            [
                "Обзор подготовлен к конференции в Джакарте и обновлен с учетом ее "
                "рекомендаций.",
            ],
            [
                "The overview was prepared for the Jakarta conference and updated in "
                "line with its recommendations.",
            ],
        ),
    },
    {
        "slug": "financial-intelligence-mou-template",
        "kind": "legal",
        "access": "staff",
        "documents": EN,
        "published_on": date(2026, 6, 20),
        "publisher": EGMONT,
        "themes": [CTF],
        "regions": [AFRICA],
        "countries": ["KEN", "NGA"],
        "activities": ["2026-workshop-mobile-money-risks-nairobi"],
        "title": (
            "Меморандум об обмене финансовой информацией: типовой текст",
            "Memorandum on exchanging financial intelligence: a template",
        ),
        "summary": (
            "Типовой текст меморандума между подразделениями финансовой разведки, "
            "использованный Кенией и Нигерией.",
            "A template memorandum between financial intelligence units, as used "
            "by Kenya and Nigeria.",
        ),
        "body": (
            [
                "Текст содержит пометки переговорщиков и поэтому доступен только "
                "сотрудникам.",
            ],
            [
                "The text carries negotiators' notes and is therefore for staff only.",
            ],
        ),
    },
    {
        "slug": "universal-instruments-ratification-guide",
        "kind": "legal",
        "access": "public",
        "documents": RU,
        "published_on": date(2025, 12, 10),
        "publisher": UNODC,
        "themes": [CJ, NCS],
        "regions": [AFRICA],
        "countries": ["DZA"],
        "activities": ["2025-african-focal-points-meeting-algiers"],
        "title": (
            "Универсальные конвенции против терроризма: справочник по присоединению",
            "The universal instruments against terrorism: a guide to joining them",
        ),
        "summary": (
            "Краткое изложение каждой конвенции и протокола и шаги, которые нужно "
            "пройти для присоединения.",
            "A short summary of each convention and protocol and the steps needed "
            "to join them.",
        ),
        "body": (
            [
                "Справочник подготовлен к совещанию в Алжире. Английская версия "
                "доступна на сайте УНП ООН.",
            ],
            [
                "The guide was prepared for the Algiers meeting. An English version "
                "is available on the UNODC website.",
            ],
        ),
    },
    # Videos
    {
        "slug": "video-crypto-assets-webinar",
        "kind": "video",
        "access": "public",
        "url": (
            "https://media.example.org/south-south/crypto-assets-webinar-ru",
            "https://media.example.org/south-south/crypto-assets-webinar-en",
        ),
        "published_on": date(2024, 11, 15),
        "publisher": UNCCT,
        "themes": [CTF, CYB],
        "regions": [AFRICA, MIDDLE_EAST, LATAM],
        "countries": [],
        "activities": ["2024-webinar-crypto-assets"],
        "title": (
            "Запись вебинара «Криптоактивы и финансирование терроризма»",
            "Recording: crypto-assets and the financing of terrorism",
        ),
        "summary": (
            "Полная запись вебинара с русским и английским звуком.",
            "The full recording of the webinar, with Russian and English audio.",
        ),
        "body": (
            ["Продолжительность — 1 час 40 минут."],
            ["Running time: 1 hour 40 minutes."],
        ),
    },
    {
        "slug": "video-survivors-voices",
        "kind": "video",
        "access": "public",
        "url": (
            "https://media.example.org/south-south/survivors-voices",
            "https://media.example.org/south-south/survivors-voices",
        ),
        "published_on": date(2024, 10, 21),
        "publisher": VICTIMS,
        "themes": [VOT, COM],
        "regions": [ASIA, MIDDLE_EAST],
        "countries": ["IDN", "IRQ"],
        "activities": ["2024-conference-victims-jakarta"],
        "title": ("Голоса пострадавших", "Survivors' voices"),
        "summary": (
            "Короткий фильм, в котором пострадавшие из Ирака и Индонезии "
            "рассказывают, что помогло им вернуться к жизни.",
            "A short film in which survivors from Iraq and Indonesia talk about "
            "what helped them rebuild their lives.",
        ),
        "body": (
            ["Фильм с субтитрами на русском, английском и арабском языках."],
            ["With subtitles in Russian, English and Arabic."],
        ),
    },
    {
        "slug": "video-women-border-services-webinar",
        "kind": "video",
        "access": "public",
        "url": (
            "https://media.example.org/south-south/women-border-services-ru",
            "https://media.example.org/south-south/women-border-services-en",
        ),
        "published_on": date(2025, 3, 25),
        "publisher": UN_WOMEN,
        "themes": [GEN, BSM],
        "regions": [MIDDLE_EAST, ASIA],
        "countries": ["JOR", "PHL"],
        "activities": ["2025-webinar-women-border-security"],
        "title": (
            "Запись вебинара «Женщины в пограничной службе»",
            "Recording: women in border services",
        ),
        "summary": (
            "Выступления женщин-пограничников и дискуссия экспертов.",
            "Talks by women border officers and a discussion among experts.",
        ),
        "body": (
            ["Продолжительность — 1 час 15 минут."],
            ["Running time: 1 hour 15 minutes."],
        ),
    },
    {
        "slug": "video-abu-dhabi-conference-highlights",
        "kind": "video",
        "access": "public",
        "url": (
            "https://media.example.org/south-south/abu-dhabi-2025-ru",
            "https://media.example.org/south-south/abu-dhabi-2025-en",
        ),
        "published_on": date(2025, 5, 30),
        "publisher": UNCCT,
        "themes": [NCS, PVE],
        "regions": [AFRICA, ASIA, MIDDLE_EAST, LATAM],
        "countries": ["ARE"],
        "activities": ["2025-interregional-conference-abu-dhabi"],
        "title": (
            "Конференция в Абу-Даби: главное за три дня",
            "The Abu Dhabi conference: highlights of three days",
        ),
        "summary": (
            "Десятиминутный видеообзор межрегиональной конференции.",
            "A ten-minute video overview of the inter-regional conference.",
        ),
        "body": (
            ["Интервью с участниками и фрагменты пленарных заседаний."],
            ["Interviews with participants and excerpts from plenary sessions."],
        ),
    },
    # Links
    {
        "slug": "link-un-office-of-counter-terrorism",
        "kind": "link",
        "access": "public",
        "url": (
            "https://www.un.org/counterterrorism/",
            "https://www.un.org/counterterrorism/",
        ),
        "published_on": date(2024, 1, 10),
        "publisher": (
            "Контртеррористическое управление ООН",
            "United Nations Office of Counter-Terrorism",
        ),
        "themes": [NCS],
        "regions": [],
        "countries": [],
        "activities": [],
        "title": (
            "Контртеррористическое управление ООН",
            "United Nations Office of Counter-Terrorism",
        ),
        "summary": (
            "Сайт управления, в структуру которого входит КТЦ ООН: программы, "
            "новости и документы.",
            "The website of the Office that UNCCT belongs to: programmes, news and "
            "documents.",
        ),
        "body": ([], []),
    },
    {
        "slug": "link-unossc",
        "kind": "link",
        "access": "public",
        "url": ("https://unsouthsouth.org/", "https://unsouthsouth.org/"),
        "published_on": date(2024, 1, 10),
        "publisher": (
            "Управление ООН по сотрудничеству Юг — Юг",
            "United Nations Office for South-South Cooperation",
        ),
        "themes": [NCS],
        "regions": [],
        "countries": [],
        "activities": [],
        "title": (
            "Управление ООН по сотрудничеству Юг — Юг",
            "United Nations Office for South-South Cooperation",
        ),
        "summary": (
            "Платформы и публикации о сотрудничестве Юг — Юг и трехстороннем "
            "сотрудничестве во всех областях развития.",
            "Platforms and publications on South-South and triangular cooperation "
            "across all areas of development.",
        ),
        "body": ([], []),
    },
    {
        "slug": "link-hedayah-resources",
        "kind": "link",
        "access": "public",
        "url": ("https://hedayah.com/", "https://hedayah.com/"),
        "published_on": date(2024, 3, 1),
        "publisher": HEDAYAH,
        "themes": [PVE, COM],
        "regions": [],
        "countries": [],
        "activities": [],
        "title": (
            "Ресурсы «Хедайи» по противодействию насильственному экстремизму",
            "Hedayah's resources on countering violent extremism",
        ),
        "summary": (
            "Исследования, учебные программы и базы данных центра «Хедайя».",
            "Research, curricula and databases of the Hedayah centre.",
        ),
        "body": ([], []),
    },
]
