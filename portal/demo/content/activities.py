"""Thirty exchange activities, 2024 to early 2027 (the figures are invented).

``outcomes`` is a pair of lists rendered as a bulleted list; activities that have
not taken place yet have none, and no participant figures.
"""

from datetime import date

from . import (
    BSM,
    CI,
    CJ,
    COM,
    CTF,
    CYB,
    FTF,
    GEN,
    HR,
    NCS,
    PVE,
    VOT,
    YTH,
)

ONLINE = ("", "")

ACTIVITIES = [
    # 2024
    {
        "slug": "2024-financial-investigations-course-abuja",
        "kind": "training",
        "format": "in_person",
        "start": date(2024, 2, 12),
        "end": date(2024, 2, 16),
        "city": ("Абуджа", "Abuja"),
        "host": "NGA",
        "providers": ["colombia-attorney-general", "egmont-group"],
        "beneficiaries": ["nigeria-fiu", "tunisia-ct-commission"],
        "themes": [CTF, CJ],
        "participants": 28,
        "women": 11,
        "project": "follow-the-money",
        "title": (
            "Курс по финансовым расследованиям для следователей и прокуроров",
            "Course on financial investigations for investigators and prosecutors",
        ),
        "summary": (
            "Колумбийские прокуроры и инструкторы Группы «Эгмонт» провели в Абудже "
            "пятидневный курс о том, как восстановить финансовую сеть "
            "террористической группы.",
            "Colombian prosecutors and Egmont Group trainers ran a five-day course "
            "in Abuja on reconstructing the financial network of a terrorist group.",
        ),
        "body": (
            [
                "Курс построен на обезличенном деле, которое колумбийская "
                "прокуратура довела до суда: участники шаг за шагом проходили путь "
                "от сообщения о подозрительной операции до обвинительного "
                "заключения.",
                "Отдельный день был посвящен взаимодействию подразделения финансовой "
                "разведки со следствием: какие сведения можно передавать, в какой "
                "форме и как сделать так, чтобы они стали допустимыми "
                "доказательствами.",
            ],
            [
                "The course was built around an anonymised case that the Colombian "
                "Attorney General's Office took to trial: participants followed it "
                "step by step from a suspicious transaction report to the "
                "indictment.",
                "A separate day looked at how a financial intelligence unit works "
                "with investigators: what may be passed on, in what form, and how to "
                "make it admissible as evidence.",
            ],
        ),
        "outcomes": (
            [
                "Нигерийская служба финансовой разведки и прокуратура согласовали "
                "типовую форму запроса финансовой информации.",
                "Двенадцать выпускников курса вошли в национальный пул инструкторов.",
            ],
            [
                "The Nigerian financial intelligence unit and the prosecution agreed "
                "a standard form for requesting financial information.",
                "Twelve graduates of the course joined the national pool of trainers.",
            ],
        ),
    },
    {
        "slug": "2024-study-visit-county-action-plans-kenya",
        "kind": "study_visit",
        "format": "in_person",
        "start": date(2024, 3, 5),
        "end": date(2024, 3, 7),
        "city": ("Найроби и Момбаса", "Nairobi and Mombasa"),
        "host": "KEN",
        "providers": ["kenya-nctc"],
        "beneficiaries": ["indonesia-bnpt", "philippines-atc"],
        "themes": [PVE, NCS, YTH],
        "participants": 14,
        "women": 6,
        "project": "youth-and-communities",
        "title": (
            "Учебный визит в Кению: окружные планы действий по предупреждению "
            "экстремизма",
            "Study visit to Kenya: county action plans for preventing extremism",
        ),
        "summary": (
            "Делегации Индонезии и Филиппин увидели, как в Кении окружные власти, "
            "религиозные лидеры и молодежь вместе составляют и выполняют планы "
            "профилактики.",
            "Delegations from Indonesia and the Philippines saw how county "
            "authorities, faith leaders and young people in Kenya draw up and carry "
            "out prevention plans together.",
        ),
        "body": (
            [
                "Программа визита началась в Национальном контртеррористическом "
                "центре в Найроби, а продолжилась в Момбасе, где гости встретились с "
                "окружным комитетом по безопасности и молодежными организациями.",
                "Участники обсудили, как финансировать местные планы, как измерять "
                "их результаты и как сохранить доверие общин, когда в работе "
                "участвуют и полиция, и гражданское общество.",
            ],
            [
                "The visit began at the National Counter Terrorism Centre in Nairobi "
                "and continued in Mombasa, where the guests met the county security "
                "committee and youth organisations.",
                "Participants discussed how to fund local plans, how to measure their "
                "results and how to keep communities' trust when both the police and "
                "civil society are involved.",
            ],
        ),
        "outcomes": (
            [
                "Филиппинская делегация включила модель окружного комитета в проект "
                "обновленного национального плана.",
                "Стороны договорились об ответном визите в Индонезию.",
            ],
            [
                "The Philippine delegation built the county committee model into the "
                "draft of its updated national plan.",
                "The parties agreed on a return visit to Indonesia.",
            ],
        ),
    },
    {
        "slug": "2024-webinar-strategic-communications",
        "kind": "webinar",
        "format": "online",
        "start": date(2024, 4, 18),
        "end": date(2024, 4, 18),
        "city": ONLINE,
        "host": None,
        "providers": ["hedayah"],
        "beneficiaries": [
            "sea-youth-for-peace",
            "kenya-nctc",
            "sahel-security-institute",
        ],
        "themes": [COM, PVE],
        "participants": 120,
        "women": 64,
        "project": "youth-and-communities",
        "title": (
            "Вебинар «Стратегические коммуникации в профилактике: что работает»",
            "Webinar: strategic communications in prevention — what works",
        ),
        "summary": (
            "Специалисты «Хедайи» рассказали, как строить альтернативные "
            "сообщения, как проверять их на аудитории и почему контрпропаганда "
            "часто не достигает цели.",
            "Hedayah specialists explained how to build alternative messages, how "
            "to test them with audiences and why counter-propaganda often misses "
            "its mark.",
        ),
        "body": (
            [
                "В первой части вебинара были представлены результаты исследований "
                "о том, какие сообщения действительно меняют отношение молодежи к "
                "насилию, а какие лишь привлекают внимание к экстремистам.",
                "Во второй части участники из Кении, Малайзии и Сенегала разобрали "
                "собственные кампании и получили рекомендации по их доработке.",
            ],
            [
                "The first part of the webinar presented research on which messages "
                "actually change young people's views of violence and which merely "
                "draw attention to extremists.",
                "In the second part participants from Kenya, Malaysia and Senegal "
                "reviewed their own campaigns and received advice on improving "
                "them.",
            ],
        ),
        "outcomes": (
            [
                "Запись и презентации опубликованы в библиотеке ресурсов.",
                "Три организации подали заявки на участие в практикуме по "
                "молодежным кампаниям.",
            ],
            [
                "The recording and slides were published in the resource library.",
                "Three organisations applied for the workshop on youth campaigns.",
            ],
        ),
    },
    {
        "slug": "2024-border-management-course-amman",
        "kind": "training",
        "format": "in_person",
        "start": date(2024, 5, 20),
        "end": date(2024, 5, 24),
        "city": ("Амман", "Amman"),
        "host": "JOR",
        "providers": ["jordan-public-security", "interpol"],
        "beneficiaries": ["tunisia-ct-commission", "morocco-justice"],
        "themes": [BSM, FTF],
        "participants": 24,
        "women": 5,
        "project": "south-south-exchange",
        "title": (
            "Курс по комплексному управлению границами",
            "Course on integrated border management",
        ),
        "summary": (
            "Иорданские инструкторы и эксперты Интерпола обучили пограничников "
            "Северной Африки проверке документов и работе с международными базами "
            "данных.",
            "Jordanian instructors and INTERPOL experts trained North African border "
            "officers in document checks and the use of international databases.",
        ),
        "body": (
            [
                "Занятия проходили в учебном центре Управления общественной "
                "безопасности и на действующем пункте пропуска. Участники "
                "отрабатывали проверку паспортов, анализ данных о пассажирах и "
                "порядок действий при совпадении с розыскными списками.",
                "Инструкторы Интерпола показали, как подключить пункты пропуска к "
                "базам данных об утраченных документах и разыскиваемых лицах.",
            ],
            [
                "Sessions took place at the Public Security Directorate's training "
                "centre and at a working border crossing. Participants practised "
                "passport checks, passenger data analysis and what to do when a name "
                "matches a watch list.",
                "INTERPOL trainers showed how to connect border crossings to its "
                "databases of lost documents and wanted persons.",
            ],
        ),
        "outcomes": (
            [
                "Два пункта пропуска в Тунисе подключены к базам данных Интерпола.",
                "Подготовлена памятка для пограничников на арабском и французском "
                "языках.",
            ],
            [
                "Two Tunisian border crossings were connected to INTERPOL databases.",
                "A pocket guide for border officers was produced in Arabic and French.",
            ],
        ),
    },
    {
        "slug": "2024-workshop-national-action-plans-manila",
        "kind": "workshop",
        "format": "hybrid",
        "start": date(2024, 6, 10),
        "end": date(2024, 6, 12),
        "city": ("Манила", "Manila"),
        "host": "PHL",
        "providers": ["philippines-atc", "asean-secretariat"],
        "beneficiaries": ["tunisia-ct-commission", "kenya-nctc"],
        "themes": [NCS, PVE],
        "participants": 35,
        "women": 15,
        "project": "south-south-exchange",
        "title": (
            "Практикум «Национальный план действий: от проекта до отчета»",
            "Workshop: a national action plan from draft to report",
        ),
        "summary": (
            "Команды, отвечающие за национальные стратегии, обсудили в Маниле, как "
            "распределять ответственность между ведомствами и как отчитываться о "
            "результатах.",
            "Teams responsible for national strategies met in Manila to discuss how "
            "to share responsibility between agencies and how to report on "
            "results.",
        ),
        "body": (
            [
                "Филиппинские организаторы рассказали, как их план действий "
                "связывает более двадцати ведомств и как устроен ежеквартальный "
                "мониторинг. Секретариат АСЕАН представил региональный план и "
                "механизм обмена отчетами.",
                "Часть участников подключалась из Туниса и Найроби; для них "
                "групповые задания проходили в онлайн-комнатах.",
            ],
            [
                "The Philippine hosts explained how their action plan links more "
                "than twenty agencies and how quarterly monitoring works. The ASEAN "
                "Secretariat presented the regional plan and its reporting "
                "mechanism.",
                "Some participants joined from Tunis and Nairobi; their group "
                "exercises took place in online rooms.",
            ],
        ),
        "outcomes": (
            [
                "Составлен перечень показателей для мониторинга национальных планов.",
                "Тунис пригласил филиппинских экспертов к пересмотру своей стратегии.",
            ],
            [
                "A list of indicators for monitoring national plans was drawn up.",
                "Tunisia invited Philippine experts to the review of its strategy.",
            ],
        ),
    },
    {
        "slug": "2024-secondment-rehabilitation-experts-sahel",
        "kind": "in_kind",
        "format": "in_person",
        "start": date(2024, 8, 1),
        "end": date(2024, 12, 20),
        "city": ("Дакар", "Dakar"),
        "host": "SEN",
        "providers": ["indonesia-bnpt"],
        "beneficiaries": ["au-counter-terrorism-centre", "sahel-security-institute"],
        "themes": [FTF, PVE],
        "participants": 40,
        "women": 18,
        "project": "south-south-exchange",
        "title": (
            "Взнос в натуральной форме: индонезийские эксперты по реабилитации в "
            "Сахеле",
            "In-kind contribution: Indonesian rehabilitation experts in the Sahel",
        ),
        "summary": (
            "Индонезия за свой счет направила двух специалистов по реабилитации на "
            "пять месяцев в Дакар, где они консультировали практиков из стран "
            "Сахеля.",
            "Indonesia seconded two rehabilitation specialists to Dakar for five "
            "months at its own expense, where they advised practitioners from Sahel "
            "countries.",
        ),
        "body": (
            [
                "Эксперты работали на базе Сахельского института исследований "
                "безопасности и помогали социальным работникам, психологам и "
                "сотрудникам пенитенциарных учреждений выстраивать индивидуальные "
                "программы сопровождения.",
                "Стоимость командировки, включая проезд и проживание, покрыла "
                "индонезийская сторона; КТЦ ООН обеспечил перевод и организацию "
                "встреч.",
            ],
            [
                "The experts were based at the Sahel Institute for Security Studies "
                "and helped social workers, psychologists and prison staff design "
                "individual support plans.",
                "Indonesia covered the cost of the secondment, including travel and "
                "accommodation; UNCCT provided interpretation and arranged the "
                "meetings.",
            ],
        ),
        "outcomes": (
            [
                "Сорок практиков прошли наставничество.",
                "Подготовлено руководство по индивидуальным планам реабилитации на "
                "французском языке.",
            ],
            [
                "Forty practitioners were mentored.",
                "A guide to individual rehabilitation plans was written in French.",
            ],
        ),
    },
    {
        "slug": "2024-analyst-exchange-nigeria-colombia",
        "kind": "expert_exchange",
        "format": "in_person",
        "start": date(2024, 9, 16),
        "end": date(2024, 9, 20),
        "city": ("Богота", "Bogotá"),
        "host": "COL",
        "providers": ["nigeria-fiu"],
        "beneficiaries": ["colombia-attorney-general"],
        "themes": [CTF],
        "participants": 6,
        "women": 3,
        "project": "follow-the-money",
        "title": (
            "Обмен аналитиками между Нигерией и Колумбией",
            "Analyst exchange between Nigeria and Colombia",
        ),
        "summary": (
            "Аналитики нигерийской службы финансовой разведки провели неделю в "
            "Боготе, показав колумбийским коллегам методы анализа мобильных "
            "платежей.",
            "Analysts from the Nigerian financial intelligence unit spent a week in "
            "Bogotá showing Colombian colleagues how they analyse mobile payments.",
        ),
        "body": (
            [
                "Нигерия накопила большой опыт работы с операторами мобильных денег: "
                "объемы таких переводов там огромны, а злоупотребления ими трудно "
                "заметить. Гости показали свои сценарии выявления подозрительных "
                "цепочек.",
                "Колумбийские прокуроры в ответ рассказали, как превращают "
                "аналитические справки в доказательства для суда.",
            ],
            [
                "Nigeria has long experience with mobile money operators: the volume "
                "of such transfers is huge and abuse is hard to spot. The visitors "
                "presented their scenarios for detecting suspicious chains of "
                "transfers.",
                "In return, Colombian prosecutors explained how they turn analytical "
                "reports into evidence that stands up in court.",
            ],
        ),
        "outcomes": (
            [
                "Подготовлен двуязычный сборник сценариев выявления подозрительных "
                "операций.",
            ],
            [
                "A bilingual set of scenarios for detecting suspicious transactions "
                "was compiled.",
            ],
        ),
    },
    {
        "slug": "2024-conference-victims-jakarta",
        "kind": "conference",
        "format": "hybrid",
        "start": date(2024, 10, 8),
        "end": date(2024, 10, 10),
        "city": ("Джакарта", "Jakarta"),
        "host": "IDN",
        "providers": ["indonesia-bnpt", "victims-association"],
        "beneficiaries": ["asean-secretariat", "sea-youth-for-peace"],
        "themes": [VOT, HR],
        "participants": 150,
        "women": 82,
        "project": "south-south-exchange",
        "title": (
            "Региональная конференция «Пострадавшие в центре внимания»",
            "Regional conference: putting victims at the centre",
        ),
        "summary": (
            "Правительства, ассоциации пострадавших и эксперты из Азии и с Ближнего "
            "Востока обсудили, как закрепить права пострадавших в законах и "
            "практике.",
            "Governments, victims' associations and experts from Asia and the Middle "
            "East discussed how to anchor victims' rights in law and practice.",
        ),
        "body": (
            [
                "Индонезия рассказала о своем законе о компенсациях пострадавшим, "
                "Ассоциация пострадавших из Ирака — о том, как она сопровождает "
                "семьи в получении помощи. Отдельная сессия была посвящена "
                "психологической поддержке детей.",
                "Пострадавшие выступали не только как свидетели, но и как эксперты: "
                "каждая панель включала человека, пережившего теракт.",
            ],
            [
                "Indonesia presented its law on compensation for victims, and the "
                "Iraqi victims' association described how it helps families obtain "
                "support. A separate session dealt with psychological support for "
                "children.",
                "Victims spoke not only as witnesses but as experts: every panel "
                "included a survivor of an attack.",
            ],
        ),
        "outcomes": (
            [
                "Участники приняли итоговые рекомендации о минимальных стандартах "
                "поддержки пострадавших.",
                "Создана неформальная сеть ассоциаций пострадавших региона.",
            ],
            [
                "Participants adopted closing recommendations on minimum standards "
                "of support for victims.",
                "An informal network of the region's victims' associations was set up.",
            ],
        ),
    },
    {
        "slug": "2024-webinar-crypto-assets",
        "kind": "webinar",
        "format": "online",
        "start": date(2024, 11, 12),
        "end": date(2024, 11, 12),
        "city": ONLINE,
        "host": None,
        "providers": ["egmont-group", "oas-cicte"],
        "beneficiaries": ["nigeria-fiu", "league-of-arab-states"],
        "themes": [CTF, CYB],
        "participants": 210,
        "women": 77,
        "project": "follow-the-money",
        "title": (
            "Вебинар «Криптоактивы и финансирование терроризма»",
            "Webinar: crypto-assets and the financing of terrorism",
        ),
        "summary": (
            "Эксперты Группы «Эгмонт» и СИКТЕ объяснили, как террористические "
            "группы используют криптоактивы и какие следы оставляют такие "
            "операции.",
            "Experts from the Egmont Group and CICTE explained how terrorist groups "
            "use crypto-assets and what traces such transactions leave.",
        ),
        "body": (
            [
                "Вебинар начался с обзора типичных схем: сбор пожертвований в "
                "криптоактивах, обмен через неконтролируемые площадки, вывод в "
                "наличные. Затем эксперты показали, какие инструменты анализа "
                "блокчейна доступны государственным органам.",
                "Синхронный перевод велся на английский, арабский, французский, "
                "испанский и русский языки.",
            ],
            [
                "The webinar opened with an overview of typical schemes: collecting "
                "donations in crypto-assets, swapping them on unregulated platforms "
                "and cashing out. The experts then showed which blockchain analysis "
                "tools are available to public authorities.",
                "Simultaneous interpretation was provided in English, Arabic, French, "
                "Spanish and Russian.",
            ],
        ),
        "outcomes": (
            [
                "Запись вебинара просмотрели более шестисот человек.",
                "Лига арабских государств запросила отдельный курс для своих "
                "государств-членов.",
            ],
            [
                "More than six hundred people watched the recording.",
                "The League of Arab States asked for a dedicated course for its "
                "member states.",
            ],
        ),
    },
    {
        "slug": "2024-training-of-trainers-gender-nairobi",
        "kind": "training",
        "format": "in_person",
        "start": date(2024, 12, 2),
        "end": date(2024, 12, 6),
        "city": ("Найроби", "Nairobi"),
        "host": "KEN",
        "providers": ["un-women", "kenya-nctc"],
        "beneficiaries": ["sahel-security-institute", "sea-youth-for-peace"],
        "themes": [GEN, PVE],
        "participants": 26,
        "women": 19,
        "project": "youth-and-communities",
        "title": (
            "Подготовка тренеров: профилактика с учетом гендерных аспектов",
            "Training of trainers: gender-responsive prevention",
        ),
        "summary": (
            "Двадцать шесть будущих тренеров из Африки и Азии научились учитывать "
            "разный опыт женщин и мужчин при разработке программ профилактики.",
            "Twenty-six future trainers from Africa and Asia learned to take the "
            "different experiences of women and men into account when designing "
            "prevention programmes.",
        ),
        "body": (
            [
                "Курс сочетал короткие лекции с работой над реальными программами "
                "участников. Каждая команда проверяла свою программу по списку "
                "вопросов: кто принимает решения, кто получает помощь, чьи риски "
                "остаются незамеченными.",
                "В последний день участники сами провели пробные занятия, а "
                "коллеги оценивали их по единой форме.",
            ],
            [
                "The course combined short lectures with work on participants' own "
                "programmes. Each team checked its programme against a list of "
                "questions: who makes decisions, who gets help, whose risks go "
                "unnoticed.",
                "On the last day participants ran trial sessions themselves, and "
                "their peers assessed them with a common form.",
            ],
        ),
        "outcomes": (
            [
                "Двадцать два участника получили сертификат тренера.",
                "Учебный модуль переведен на французский язык для стран Сахеля.",
            ],
            [
                "Twenty-two participants were certified as trainers.",
                "The training module was translated into French for Sahel countries.",
            ],
        ),
    },
    # 2025
    {
        "slug": "2025-study-visit-prison-reintegration-morocco",
        "kind": "study_visit",
        "format": "in_person",
        "start": date(2025, 1, 27),
        "end": date(2025, 1, 31),
        "city": ("Рабат", "Rabat"),
        "host": "MAR",
        "providers": ["morocco-justice"],
        "beneficiaries": ["philippines-atc", "tunisia-ct-commission", "kenya-nctc"],
        "themes": [CJ, FTF, PVE],
        "participants": 12,
        "women": 4,
        "project": "south-south-exchange",
        "title": (
            "Учебный визит в Марокко: программы реинтеграции в местах лишения свободы",
            "Study visit to Morocco: reintegration programmes in prisons",
        ),
        "summary": (
            "Представители Филиппин, Туниса и Кении познакомились с марокканской "
            "программой, которая готовит осужденных к возвращению в общество.",
            "Officials from the Philippines, Tunisia and Kenya learned about "
            "Morocco's programme that prepares prisoners for their return to "
            "society.",
        ),
        "body": (
            [
                "Гости посетили два пенитенциарных учреждения, встретились с "
                "психологами, богословами и сотрудниками служб пробации и "
                "поговорили с бывшими участниками программы.",
                "Особый интерес вызвало то, как программа продолжается после "
                "освобождения: сопровождение в поиске работы и поддержка семьи.",
            ],
            [
                "The guests visited two prisons, met psychologists, religious "
                "scholars and probation staff, and spoke with former participants in "
                "the programme.",
                "They were particularly interested in how the programme continues "
                "after release, with help finding work and support for families.",
            ],
        ),
        "outcomes": (
            [
                "Кения начала разработку пилотной программы в двух исправительных "
                "учреждениях.",
                "Марокко согласилось провести курс для судей в 2026 году.",
            ],
            [
                "Kenya began designing a pilot programme in two prisons.",
                "Morocco agreed to run a course for judges in 2026.",
            ],
        ),
    },
    {
        "slug": "2025-workshop-major-events-security-rio",
        "kind": "workshop",
        "format": "in_person",
        "start": date(2025, 2, 24),
        "end": date(2025, 2, 28),
        "city": ("Рио-де-Жанейро", "Rio de Janeiro"),
        "host": "BRA",
        "providers": ["brazil-federal-police", "oas-cicte"],
        "beneficiaries": ["philippines-atc", "kenya-nctc", "nigeria-fiu"],
        "themes": [CI, BSM],
        "participants": 32,
        "women": 9,
        "project": "south-south-exchange",
        "title": (
            "Практикум по защите мест массового пребывания людей во время крупных "
            "мероприятий",
            "Workshop on protecting crowded places during major events",
        ),
        "summary": (
            "Федеральная полиция Бразилии поделилась опытом координации "
            "безопасности на международных спортивных и культурных мероприятиях.",
            "The Federal Police of Brazil shared its experience of coordinating "
            "security at international sporting and cultural events.",
        ),
        "body": (
            [
                "Участники побывали в оперативном центре, откуда во время крупных "
                "мероприятий координируется работа десятков ведомств, и разобрали "
                "несколько реальных инцидентов.",
                "Эксперты СИКТЕ провели занятие о киберугрозах для систем продажи "
                "билетов и управления стадионами.",
            ],
            [
                "Participants visited the operations centre from which dozens of "
                "agencies are coordinated during major events, and went through "
                "several real incidents.",
                "CICTE experts ran a session on cyber threats to ticketing and "
                "stadium management systems.",
            ],
        ),
        "outcomes": (
            [
                "Составлен контрольный список для планирования безопасности "
                "мероприятий.",
                "Кения использовала список при подготовке регионального форума.",
            ],
            [
                "A checklist for security planning of events was drawn up.",
                "Kenya used the checklist when preparing a regional forum.",
            ],
        ),
    },
    {
        "slug": "2025-webinar-women-border-security",
        "kind": "webinar",
        "format": "online",
        "start": date(2025, 3, 18),
        "end": date(2025, 3, 18),
        "city": ONLINE,
        "host": None,
        "providers": ["un-women", "interpol"],
        "beneficiaries": ["jordan-public-security", "philippines-atc"],
        "themes": [GEN, BSM],
        "participants": 95,
        "women": 61,
        "project": None,
        "title": (
            "Вебинар «Женщины в пограничной службе»",
            "Webinar: women in border services",
        ),
        "summary": (
            "Женщины-пограничники из нескольких стран рассказали о своей службе, а "
            "эксперты обсудили, как привлекать и удерживать женщин в пограничных "
            "ведомствах.",
            "Women border officers from several countries talked about their work, "
            "and experts discussed how to recruit and keep women in border "
            "agencies.",
        ),
        "body": (
            [
                "Смешанные смены на пунктах пропуска проверяют пассажиров "
                "внимательнее и вызывают больше доверия — об этом говорили "
                "выступавшие из Иордании и Филиппин.",
                "Эксперты Интерпола и «ООН-женщины» представили данные о доле "
                "женщин в пограничных службах и меры, которые помогают ее "
                "увеличить.",
            ],
            [
                "Mixed shifts at border crossings check travellers more carefully "
                "and earn more trust, said speakers from Jordan and the "
                "Philippines.",
                "Experts from INTERPOL and UN Women presented figures on the share "
                "of women in border services and measures that help raise it.",
            ],
        ),
        "outcomes": (
            [
                "Иордания объявила о наборе женщин в пограничные подразделения.",
            ],
            [
                "Jordan announced a recruitment drive for women in its border units.",
            ],
        ),
    },
    {
        "slug": "2025-expert-exchange-victim-support-medellin",
        "kind": "expert_exchange",
        "format": "in_person",
        "start": date(2025, 4, 7),
        "end": date(2025, 4, 11),
        "city": ("Медельин", "Medellín"),
        "host": "COL",
        "providers": ["colombia-attorney-general"],
        "beneficiaries": ["victims-association", "league-of-arab-states"],
        "themes": [VOT, CJ],
        "participants": 10,
        "women": 6,
        "project": "south-south-exchange",
        "title": (
            "Обмен экспертами: поддержка пострадавших в Колумбии и Ираке",
            "Expert exchange: supporting victims in Colombia and Iraq",
        ),
        "summary": (
            "Представители иракской ассоциации пострадавших и Лиги арабских "
            "государств изучили колумбийскую систему регистрации пострадавших и "
            "возмещения ущерба.",
            "Representatives of the Iraqi victims' association and the League of "
            "Arab States studied Colombia's system for registering victims and "
            "providing reparation.",
        ),
        "body": (
            [
                "Колумбия ведет единый реестр пострадавших от вооруженного "
                "конфликта, в котором миллионы записей. Гости узнали, как в него "
                "вносят сведения, как проверяют заявления и как реестр связан с "
                "выплатами и услугами.",
                "В Медельине участники встретились с местными центрами помощи "
                "пострадавшим и организациями родственников пропавших без вести.",
            ],
            [
                "Colombia keeps a single register of victims of the armed conflict "
                "with millions of entries. The visitors learned how information is "
                "entered, how claims are checked and how the register is linked to "
                "payments and services.",
                "In Medellín participants met local victim assistance centres and "
                "organisations of relatives of the disappeared.",
            ],
        ),
        "outcomes": (
            [
                "Ассоциация подготовила предложения по созданию реестра пострадавших "
                "в Ираке.",
                "Лига арабских государств включила тему в повестку совещания "
                "министров юстиции.",
            ],
            [
                "The Association drafted proposals for a register of victims in Iraq.",
                "The League of Arab States put the subject on the agenda of a "
                "meeting of justice ministers.",
            ],
        ),
    },
    {
        "slug": "2025-interregional-conference-abu-dhabi",
        "kind": "conference",
        "format": "hybrid",
        "start": date(2025, 5, 13),
        "end": date(2025, 5, 15),
        "city": ("Абу-Даби", "Abu Dhabi"),
        "host": "ARE",
        "providers": ["unossc", "hedayah"],
        "beneficiaries": [
            "au-counter-terrorism-centre",
            "asean-secretariat",
            "oas-cicte",
            "league-of-arab-states",
        ],
        "themes": [NCS, PVE, COM],
        "participants": 240,
        "women": 101,
        "project": "south-south-exchange",
        "title": (
            "Межрегиональная конференция по сотрудничеству Юг — Юг в "
            "противодействии терроризму",
            "Inter-regional conference on South-South cooperation in counter-terrorism",
        ),
        "summary": (
            "Государства-члены, региональные организации и структуры ООН подвели "
            "итоги двух лет обмена опытом и наметили приоритеты на 2026 год.",
            "Member states, regional organisations and UN entities took stock of "
            "two years of exchange and set priorities for 2026.",
        ),
        "body": (
            [
                "Конференция собрала представителей более шестидесяти государств. "
                "На пленарных заседаниях обсуждали, как измерять пользу обмена "
                "опытом и как сделать его постоянным, а не разовым.",
                "В параллельных секциях региональные организации представили свои "
                "механизмы сотрудничества, а страны-участницы — предложения "
                "экспертизы на следующий год.",
            ],
            [
                "The conference brought together representatives of more than sixty "
                "states. Plenary sessions discussed how to measure the value of "
                "exchanges and how to make them lasting rather than one-off.",
                "In parallel sessions regional organisations presented their "
                "cooperation mechanisms, and participating countries put forward "
                "their offers of expertise for the coming year.",
            ],
        ),
        "outcomes": (
            [
                "Поступило двадцать три новых предложения экспертизы.",
                "Одобрена рамка для оценки мероприятий программы.",
                "Участники поддержали создание портала сотрудничества.",
            ],
            [
                "Twenty-three new offers of expertise were received.",
                "A framework for evaluating the programme's activities was endorsed.",
                "Participants backed the creation of a cooperation portal.",
            ],
        ),
    },
    {
        "slug": "2025-cyber-incident-response-course-lima",
        "kind": "training",
        "format": "hybrid",
        "start": date(2025, 6, 2),
        "end": date(2025, 6, 6),
        "city": ("Лима", "Lima"),
        "host": "PER",
        "providers": ["oas-cicte", "andean-university-network"],
        "beneficiaries": ["nigeria-fiu", "kenya-nctc", "indonesia-bnpt"],
        "themes": [CYB, CI],
        "participants": 30,
        "women": 10,
        "project": "south-south-exchange",
        "title": (
            "Курс по реагированию на киберинциденты на объектах критически важной "
            "инфраструктуры",
            "Course on responding to cyber incidents at critical infrastructure",
        ),
        "summary": (
            "Специалисты из Африки и Азии отработали в Лиме действия при кибератаке "
            "на энергосеть и систему водоснабжения.",
            "Specialists from Africa and Asia practised in Lima how to respond to a "
            "cyber attack on a power grid and a water supply system.",
        ),
        "body": (
            [
                "Главной частью курса стали двухдневные командные учения: участники "
                "в роли национальной группы реагирования расследовали атаку, "
                "восстанавливали работу систем и готовили сообщения для "
                "общественности.",
                "Часть слушателей участвовала удаленно через учебную платформу "
                "университетской сети.",
            ],
            [
                "The heart of the course was a two-day team exercise: acting as a "
                "national response team, participants investigated an attack, "
                "restored systems and prepared statements for the public.",
                "Some trainees took part remotely through the university network's "
                "learning platform.",
            ],
        ),
        "outcomes": (
            [
                "Сценарий учений передан партнерам для проведения национальных учений.",
                "Нигерия и Кения договорились о совместных учениях в 2026 году.",
            ],
            [
                "The exercise scenario was handed over to partners for national "
                "exercises.",
                "Nigeria and Kenya agreed to hold a joint exercise in 2026.",
            ],
        ),
    },
    {
        "slug": "2025-study-visit-rehabilitation-indonesia",
        "kind": "study_visit",
        "format": "in_person",
        "start": date(2025, 7, 14),
        "end": date(2025, 7, 18),
        "city": ("Джакарта", "Jakarta"),
        "host": "IDN",
        "providers": ["indonesia-bnpt"],
        "beneficiaries": [
            "au-counter-terrorism-centre",
            "kenya-nctc",
            "sahel-security-institute",
        ],
        "themes": [FTF, PVE],
        "participants": 16,
        "women": 7,
        "project": "youth-and-communities",
        "title": (
            "Учебный визит в Индонезию: реабилитация и реинтеграция вернувшихся",
            "Study visit to Indonesia: rehabilitating and reintegrating returnees",
        ),
        "summary": (
            "Африканские специалисты изучили, как Индонезия сопровождает "
            "вернувшихся из зон конфликтов и их семьи — от центра временного "
            "пребывания до возвращения в общину.",
            "African specialists studied how Indonesia supports people returning "
            "from conflict zones and their families, from a transit centre to "
            "their return home.",
        ),
        "body": (
            [
                "Визит стал ответом на учебную поездку индонезийской делегации в "
                "Кению в 2024 году. Гости посетили центр временного пребывания, "
                "школу для детей вернувшихся и общинные организации, которые "
                "принимают семьи.",
                "Обсуждение было откровенным: индонезийские коллеги рассказали и об "
                "ошибках, которые пришлось исправлять.",
            ],
            [
                "The visit returned the Indonesian delegation's trip to Kenya in "
                "2024. The guests visited a transit centre, a school for returnees' "
                "children and community organisations that take families in.",
                "The discussion was frank: Indonesian colleagues also spoke about "
                "mistakes they had to correct.",
            ],
        ),
        "outcomes": (
            [
                "Центр Африканского союза включил выводы визита в региональные "
                "рекомендации по вернувшимся.",
            ],
            [
                "The African Union centre built the visit's findings into its "
                "regional guidance on returnees.",
            ],
        ),
    },
    {
        "slug": "2025-jordan-training-centre-contribution",
        "kind": "in_kind",
        "format": "in_person",
        "start": date(2025, 9, 1),
        "end": date(2025, 12, 15),
        "city": ("Амман", "Amman"),
        "host": "JOR",
        "providers": ["jordan-public-security"],
        "beneficiaries": ["au-counter-terrorism-centre", "league-of-arab-states"],
        "themes": [BSM, CI],
        "participants": 60,
        "women": 14,
        "project": "south-south-exchange",
        "title": (
            "Взнос в натуральной форме: учебный центр Иордании для курсов программы",
            "In-kind contribution: Jordan's training centre for programme courses",
        ),
        "summary": (
            "Иордания безвозмездно предоставила аудитории, полигоны и проживание "
            "для трех курсов программы, которые прошли шестьдесят слушателей из "
            "Африки и арабских стран.",
            "Jordan provided classrooms, training grounds and accommodation free of "
            "charge for three programme courses attended by sixty trainees from "
            "Africa and Arab states.",
        ),
        "body": (
            [
                "Благодаря взносу программа смогла провести три курса вместо одного "
                "при том же бюджете. Иорданская сторона также выделила "
                "инструкторов для практических занятий.",
                "Взнос оценен в сумму, сопоставимую с годовым бюджетом на обучение "
                "одного регионального направления программы.",
            ],
            [
                "Thanks to the contribution the programme ran three courses instead "
                "of one on the same budget. Jordan also made instructors available "
                "for the practical sessions.",
                "The contribution is valued at roughly the annual training budget of "
                "one of the programme's regional strands.",
            ],
        ),
        "outcomes": (
            [
                "Шестьдесят слушателей прошли обучение по управлению границами и "
                "защите объектов.",
            ],
            [
                "Sixty trainees completed courses on border management and site "
                "protection.",
            ],
        ),
    },
    {
        "slug": "2025-workshop-youth-campaigns-kuala-lumpur",
        "kind": "workshop",
        "format": "hybrid",
        "start": date(2025, 9, 22),
        "end": date(2025, 9, 24),
        "city": ("Куала-Лумпур", "Kuala Lumpur"),
        "host": "MYS",
        "providers": ["sea-youth-for-peace", "hedayah"],
        "beneficiaries": [
            "kenya-nctc",
            "sahel-security-institute",
            "philippines-atc",
        ],
        "themes": [YTH, COM, PVE],
        "participants": 44,
        "women": 25,
        "project": "youth-and-communities",
        "title": (
            "Практикум «Молодежные кампании в интернете»",
            "Workshop: youth-led online campaigns",
        ),
        "summary": (
            "Молодые активисты из Азии и Африки за три дня создали и "
            "протестировали прототипы информационных кампаний против вербовки в "
            "интернете.",
            "Young activists from Asia and Africa spent three days building and "
            "testing prototype campaigns against online recruitment.",
        ),
        "body": (
            [
                "Работа шла в смешанных командах: у каждой был наставник из "
                "малайзийской сети и специалист по коммуникациям из «Хедайи». "
                "Команды выбирали аудиторию, писали сообщения и проверяли их на "
                "фокус-группах.",
                "Участники из Сенегала и Кении подключались удаленно и представили "
                "свои прототипы на заключительной сессии.",
            ],
            [
                "Participants worked in mixed teams, each with a mentor from the "
                "Malaysian network and a communications specialist from Hedayah. "
                "Teams chose an audience, wrote messages and tested them with focus "
                "groups.",
                "Participants from Senegal and Kenya joined remotely and presented "
                "their prototypes at the closing session.",
            ],
        ),
        "outcomes": (
            [
                "Шесть прототипов кампаний получили небольшие гранты на запуск.",
                "Методика практикума опубликована как учебный материал.",
            ],
            [
                "Six campaign prototypes received small grants to launch.",
                "The workshop method was published as a training material.",
            ],
        ),
    },
    {
        "slug": "2025-online-consultations-tunisia-philippines",
        "kind": "expert_exchange",
        "format": "online",
        "start": date(2025, 10, 20),
        "end": date(2025, 10, 24),
        "city": ONLINE,
        "host": None,
        "providers": ["philippines-atc"],
        "beneficiaries": ["tunisia-ct-commission"],
        "themes": [NCS, HR],
        "participants": 12,
        "women": 5,
        "project": "south-south-exchange",
        "title": (
            "Онлайн-консультации рабочих групп Туниса и Филиппин по национальной "
            "стратегии",
            "Online consultations between the strategy teams of Tunisia and the "
            "Philippines",
        ),
        "summary": (
            "Неделя ежедневных онлайн-встреч, на которых филиппинские эксперты "
            "комментировали проект обновленной стратегии Туниса.",
            "A week of daily online meetings at which Philippine experts commented "
            "on the draft of Tunisia's updated strategy.",
        ),
        "body": (
            [
                "Каждая встреча была посвящена одному разделу стратегии: целям, "
                "распределению ответственности, финансированию, мониторингу и "
                "защите прав человека.",
                "Формат онлайн-консультаций позволил привлечь больше специалистов с "
                "обеих сторон без затрат на поездки.",
            ],
            [
                "Each meeting covered one part of the strategy: objectives, "
                "division of responsibilities, funding, monitoring and the "
                "protection of human rights.",
                "Holding the consultations online brought in more specialists on "
                "both sides with no travel costs.",
            ],
        ),
        "outcomes": (
            [
                "В проект стратегии Туниса добавлен раздел о правах человека и "
                "независимом надзоре.",
            ],
            [
                "A section on human rights and independent oversight was added to "
                "Tunisia's draft strategy.",
            ],
        ),
    },
    {
        "slug": "2025-african-focal-points-meeting-algiers",
        "kind": "conference",
        "format": "in_person",
        "start": date(2025, 11, 25),
        "end": date(2025, 11, 27),
        "city": ("Алжир", "Algiers"),
        "host": "DZA",
        "providers": ["au-counter-terrorism-centre", "unodc-terrorism-prevention"],
        "beneficiaries": [
            "kenya-nctc",
            "nigeria-fiu",
            "morocco-justice",
            "tunisia-ct-commission",
            "sahel-security-institute",
        ],
        "themes": [NCS, CJ, FTF],
        "participants": 85,
        "women": 27,
        "project": "south-south-exchange",
        "title": (
            "Совещание африканских национальных координационных центров",
            "Meeting of African national counter-terrorism focal points",
        ),
        "summary": (
            "Координационные центры африканских государств обсудили в Алжире "
            "угрозы в Сахеле и итоги обмена опытом с партнерами из других "
            "регионов.",
            "The focal points of African states met in Algiers to discuss threats "
            "in the Sahel and the results of exchanges with partners from other "
            "regions.",
        ),
        "body": (
            [
                "Центр Африканского союза представил ежегодный обзор угроз, а УНП "
                "ООН — итоги правовой помощи по присоединению к универсальным "
                "конвенциям.",
                "Участники, побывавшие на мероприятиях программы в Азии и Латинской "
                "Америке, рассказали, какие практики уже применяются в их странах.",
            ],
            [
                "The African Union centre presented its annual threat review, and "
                "UNODC reported on its legal assistance for joining the universal "
                "conventions.",
                "Participants who had attended programme activities in Asia and "
                "Latin America described which practices are already in use in "
                "their countries.",
            ],
        ),
        "outcomes": (
            [
                "Согласован план обмена опытом для Африки на 2026 год.",
                "Четыре государства объявили о новых предложениях экспертизы.",
            ],
            [
                "An exchange plan for Africa for 2026 was agreed.",
                "Four states announced new offers of expertise.",
            ],
        ),
    },
    # 2026
    {
        "slug": "2026-judges-course-terrorism-cases-rabat",
        "kind": "training",
        "format": "in_person",
        "start": date(2026, 2, 9),
        "end": date(2026, 2, 13),
        "city": ("Рабат", "Rabat"),
        "host": "MAR",
        "providers": ["morocco-justice", "unodc-terrorism-prevention"],
        "beneficiaries": ["tunisia-ct-commission", "nigeria-fiu"],
        "themes": [CJ, HR],
        "participants": 25,
        "women": 11,
        "project": "south-south-exchange",
        "title": (
            "Курс для судей: дела о терроризме и права человека",
            "Course for judges: terrorism cases and human rights",
        ),
        "summary": (
            "Марокканские судьи и эксперты УНП ООН провели курс о справедливом "
            "судебном разбирательстве по делам о терроризме.",
            "Moroccan judges and UNODC experts ran a course on fair trials in "
            "terrorism cases.",
        ),
        "body": (
            [
                "Курс охватил допустимость доказательств, полученных от иностранных "
                "партнеров, защиту свидетелей, работу с несовершеннолетними "
                "обвиняемыми и назначение наказаний, открывающих путь к "
                "реинтеграции.",
                "Занятия вели действующие судьи, что позволило обсуждать трудные "
                "случаи из практики.",
            ],
            [
                "The course covered the admissibility of evidence obtained from "
                "foreign partners, witness protection, dealing with juvenile "
                "defendants and sentences that leave a path to reintegration.",
                "Sessions were led by serving judges, which made it possible to "
                "discuss hard cases from practice.",
            ],
        ),
        "outcomes": (
            [
                "Участники подготовили сборник вопросов для оценки доказательств.",
                "Тунисская судебная академия включила модуль в свою программу.",
            ],
            [
                "Participants compiled a set of questions for assessing evidence.",
                "The Tunisian judicial academy added the module to its curriculum.",
            ],
        ),
    },
    {
        "slug": "2026-webinar-national-strategies-review",
        "kind": "webinar",
        "format": "online",
        "start": date(2026, 3, 10),
        "end": date(2026, 3, 10),
        "city": ONLINE,
        "host": None,
        "providers": ["tunisia-ct-commission", "philippines-atc"],
        "beneficiaries": [
            "asean-secretariat",
            "au-counter-terrorism-centre",
            "league-of-arab-states",
        ],
        "themes": [NCS],
        "participants": 160,
        "women": 70,
        "project": None,
        "title": (
            "Вебинар «Пересмотр национальной стратегии: уроки Туниса и Филиппин»",
            "Webinar: reviewing a national strategy — lessons from Tunisia and the "
            "Philippines",
        ),
        "summary": (
            "Две страны, недавно обновившие свои стратегии, рассказали, с чего "
            "начинать пересмотр и как вовлечь в него парламент и гражданское "
            "общество.",
            "Two countries that recently updated their strategies explained where "
            "to start a review and how to involve parliament and civil society.",
        ),
        "body": (
            [
                "Тунисская комиссия описала, как итоги онлайн-консультаций с "
                "филиппинскими коллегами повлияли на новый текст стратегии. "
                "Филиппинский центр рассказал о независимой оценке предыдущего "
                "плана.",
                "Вопросы слушателей касались прежде всего финансирования и "
                "показателей результативности.",
            ],
            [
                "The Tunisian commission described how its online consultations with "
                "Philippine colleagues shaped the new strategy. The Philippine "
                "center spoke about the independent evaluation of its previous "
                "plan.",
                "Questions from the audience were mostly about funding and "
                "performance indicators.",
            ],
        ),
        "outcomes": (
            [
                "Три государства запросили консультации по пересмотру своих стратегий.",
            ],
            [
                "Three states asked for advice on reviewing their strategies.",
            ],
        ),
    },
    {
        "slug": "2026-study-visit-financial-investigations-colombia",
        "kind": "study_visit",
        "format": "in_person",
        "start": date(2026, 4, 20),
        "end": date(2026, 4, 24),
        "city": ("Богота", "Bogotá"),
        "host": "COL",
        "providers": ["colombia-attorney-general"],
        "beneficiaries": ["nigeria-fiu", "league-of-arab-states"],
        "themes": [CTF, CJ],
        "participants": 15,
        "women": 6,
        "project": "follow-the-money",
        "title": (
            "Учебный визит в Колумбию: конфискация активов террористических групп",
            "Study visit to Colombia: confiscating the assets of terrorist groups",
        ),
        "summary": (
            "Делегации Нигерии и Лиги арабских государств изучили, как Колумбия "
            "арестовывает, управляет и распоряжается активами вооруженных групп.",
            "Delegations from Nigeria and the League of Arab States studied how "
            "Colombia seizes, manages and disposes of the assets of armed groups.",
        ),
        "body": (
            [
                "Гости побывали в прокуратуре и в ведомстве, которое управляет "
                "арестованным имуществом — от земельных участков до предприятий. "
                "Особое внимание уделялось тому, как сохранить стоимость активов до "
                "решения суда.",
                "Колумбийские коллеги рассказали и о направлении конфискованных "
                "средств на возмещение ущерба пострадавшим.",
            ],
            [
                "The guests visited the Attorney General's Office and the agency "
                "that manages seized property, from land to businesses. Particular "
                "attention went to preserving the value of assets until a court "
                "rules.",
                "Colombian colleagues also explained how confiscated funds are used "
                "to compensate victims.",
            ],
        ),
        "outcomes": (
            [
                "Нигерия подготовила предложения о создании ведомства по управлению "
                "арестованными активами.",
            ],
            [
                "Nigeria drafted proposals for an agency to manage seized assets.",
            ],
        ),
    },
    {
        "slug": "2026-workshop-mobile-money-risks-nairobi",
        "kind": "workshop",
        "format": "hybrid",
        "start": date(2026, 6, 8),
        "end": date(2026, 6, 12),
        "city": ("Найроби", "Nairobi"),
        "host": "KEN",
        "providers": ["nigeria-fiu", "egmont-group"],
        "beneficiaries": ["kenya-nctc", "sea-youth-for-peace"],
        "themes": [CTF, CYB],
        "participants": 38,
        "women": 16,
        "project": "follow-the-money",
        "title": (
            "Практикум по рискам финансирования терроризма через мобильные деньги",
            "Workshop on terrorist financing risks in mobile money",
        ),
        "summary": (
            "Регуляторы, операторы мобильных платежей и подразделения финансовой "
            "разведки Восточной Африки обсудили, как выявлять злоупотребления, не "
            "отрезая людей от финансовых услуг.",
            "Regulators, mobile payment operators and financial intelligence units "
            "of East Africa discussed how to detect abuse without cutting people "
            "off from financial services.",
        ),
        "body": (
            [
                "Нигерийская служба финансовой разведки представила сценарии "
                "выявления, разработанные после обмена с Колумбией. Операторы "
                "рассказали, какие сигналы видят их системы мониторинга.",
                "Отдельная сессия была посвящена тому, как меры контроля влияют на "
                "доступ к финансовым услугам в сельских районах.",
            ],
            [
                "The Nigerian financial intelligence unit presented detection "
                "scenarios developed after its exchange with Colombia. Operators "
                "explained which signals their monitoring systems pick up.",
                "A separate session looked at how controls affect access to "
                "financial services in rural areas.",
            ],
        ),
        "outcomes": (
            [
                "Согласован перечень признаков подозрительных операций для "
                "операторов региона.",
                "Кения и Нигерия подписали меморандум об обмене информацией.",
            ],
            [
                "A list of red flags for the region's operators was agreed.",
                "Kenya and Nigeria signed a memorandum on information exchange.",
            ],
        ),
    },
    {
        "slug": "2026-border-officer-exchange-jordan-kenya",
        "kind": "expert_exchange",
        "format": "in_person",
        "start": date(2026, 9, 14),
        "end": date(2026, 9, 18),
        "city": ("Момбаса", "Mombasa"),
        "host": "KEN",
        "providers": ["jordan-public-security", "interpol"],
        "beneficiaries": ["kenya-nctc"],
        "themes": [BSM, GEN],
        "participants": 8,
        "women": 3,
        "project": "south-south-exchange",
        "title": (
            "Обмен пограничниками между Иорданией и Кенией",
            "Border officer exchange between Jordan and Kenya",
        ),
        "summary": (
            "Иорданские пограничники, в том числе из нового женского "
            "подразделения, провели неделю в порту Момбасы вместе с кенийскими "
            "коллегами.",
            "Jordanian border officers, including members of a new women's unit, "
            "spent a week at the port of Mombasa with Kenyan colleagues.",
        ),
        "body": (
            [
                "Стороны сравнили порядок досмотра грузов и пассажиров в морском "
                "порту и на сухопутной границе. Инструктор Интерпола помог "
                "настроить проверку по базам данных в терминале для паромов.",
                "Отдельно обсуждался опыт Иордании по привлечению женщин в "
                "пограничную службу.",
            ],
            [
                "The two sides compared how cargo and passengers are screened at a "
                "seaport and at a land border. An INTERPOL trainer helped set up "
                "database checks at the ferry terminal.",
                "Jordan's experience of bringing women into its border service was "
                "discussed separately.",
            ],
        ),
        "outcomes": (
            [
                "Паромный терминал Момбасы подключен к базам данных Интерпола.",
            ],
            [
                "Mombasa's ferry terminal was connected to INTERPOL databases.",
            ],
        ),
    },
    {
        "slug": "2026-conference-youth-prevention-dakar",
        "kind": "conference",
        "format": "hybrid",
        "start": date(2026, 10, 27),
        "end": date(2026, 10, 29),
        "city": ("Дакар", "Dakar"),
        "host": "SEN",
        "providers": ["sahel-security-institute", "un-women", "sea-youth-for-peace"],
        "beneficiaries": ["kenya-nctc", "philippines-atc", "indonesia-bnpt"],
        "themes": [YTH, GEN, PVE],
        "participants": 180,
        "women": 96,
        "project": "youth-and-communities",
        "title": (
            "Межрегиональная конференция «Молодежь и профилактика»",
            "Inter-regional conference on youth and prevention",
        ),
        "summary": (
            "Итоговая конференция проекта «Молодежь и общины»: результаты оценки, "
            "выступления молодых лидеров и планы на продолжение работы.",
            "The closing conference of the Youth and Communities project: "
            "evaluation results, talks by young leaders and plans to continue the "
            "work.",
        ),
        "body": (
            [
                "Сахельский институт представил независимую оценку проекта: какие "
                "практики прижились, какие нет и почему. Молодежные команды из "
                "пяти стран рассказали о своих кампаниях.",
                "«ООН-женщины» провели сессию о роли молодых женщин в местных "
                "комитетах безопасности.",
            ],
            [
                "The Sahel Institute presented its independent evaluation of the "
                "project: which practices took root, which did not and why. Youth "
                "teams from five countries talked about their campaigns.",
                "UN Women led a session on the role of young women in local security "
                "committees.",
            ],
        ),
        "outcomes": (
            [
                "Представлен отчет об оценке проекта.",
                "Партнеры предложили продлить проект до 2028 года.",
            ],
            [
                "The project evaluation report was presented.",
                "Partners proposed extending the project to 2028.",
            ],
        ),
    },
    # Upcoming
    {
        "slug": "2026-online-terrorist-content-course-jakarta",
        "kind": "training",
        "format": "in_person",
        "start": date(2026, 12, 7),
        "end": date(2026, 12, 11),
        "city": ("Джакарта", "Jakarta"),
        "host": "IDN",
        "providers": ["oas-cicte", "andean-university-network"],
        "beneficiaries": ["indonesia-bnpt", "philippines-atc"],
        "themes": [CYB, COM, HR],
        "participants": None,
        "women": None,
        "project": "south-south-exchange",
        "title": (
            "Курс по расследованию террористического контента в интернете",
            "Course on investigating terrorist content online",
        ),
        "summary": (
            "Специалисты из Латинской Америки научат коллег из Юго-Восточной Азии "
            "собирать и сохранять цифровые доказательства с соблюдением прав "
            "человека.",
            "Specialists from Latin America will teach colleagues from South-East "
            "Asia how to gather and preserve digital evidence while respecting "
            "human rights.",
        ),
        "body": (
            [
                "Программа курса включает работу с открытыми источниками, запросы к "
                "интернет-платформам, сохранение доказательств и правовые пределы "
                "наблюдения в сети.",
                "Заявки принимаются от государственных органов через постоянные "
                "представительства до 20 ноября 2026 года.",
            ],
            [
                "The course covers open-source research, requests to online "
                "platforms, preserving evidence and the legal limits of online "
                "surveillance.",
                "Applications from public authorities are accepted through permanent "
                "missions until 20 November 2026.",
            ],
        ),
        "outcomes": ([], []),
    },
    {
        "slug": "2026-webinar-families-of-returnees",
        "kind": "webinar",
        "format": "online",
        "start": date(2026, 12, 15),
        "end": date(2026, 12, 15),
        "city": ONLINE,
        "host": None,
        "providers": ["indonesia-bnpt", "hedayah"],
        "beneficiaries": ["au-counter-terrorism-centre", "sahel-security-institute"],
        "themes": [FTF, VOT, GEN],
        "participants": None,
        "women": None,
        "project": None,
        "title": (
            "Вебинар «Поддержка семей вернувшихся»",
            "Webinar: supporting the families of returnees",
        ),
        "summary": (
            "Как помочь женам и детям вернувшихся из зон конфликтов снова стать "
            "частью общины: опыт Индонезии и исследования «Хедайи».",
            "How to help the wives and children of people returning from conflict "
            "zones become part of their community again: Indonesia's experience and "
            "Hedayah's research.",
        ),
        "body": (
            [
                "Вебинар открыт для сотрудников государственных органов, "
                "международных организаций и гражданского общества. Будет обеспечен "
                "синхронный перевод на английский, французский, арабский и русский "
                "языки.",
                "Регистрация открыта до 12 декабря 2026 года.",
            ],
            [
                "The webinar is open to staff of public authorities, international "
                "organisations and civil society. Simultaneous interpretation into "
                "English, French, Arabic and Russian will be provided.",
                "Registration is open until 12 December 2026.",
            ],
        ),
        "outcomes": ([], []),
    },
    {
        "slug": "2027-secondment-major-events-experts",
        "kind": "in_kind",
        "format": "in_person",
        "start": date(2027, 2, 1),
        "end": date(2027, 6, 30),
        "city": ("Аддис-Абеба", "Addis Ababa"),
        "host": "ETH",
        "providers": ["brazil-federal-police"],
        "beneficiaries": ["au-counter-terrorism-centre"],
        "themes": [CI],
        "participants": None,
        "women": None,
        "project": "south-south-exchange",
        # Still being agreed with the host: a draft, seen by staff only.
        "status": "draft",
        "title": (
            "Взнос в натуральной форме: бразильские эксперты по безопасности "
            "крупных мероприятий",
            "In-kind contribution: Brazilian experts on major-event security",
        ),
        "summary": (
            "Бразилия предлагает направить двух экспертов, чтобы помочь в "
            "планировании безопасности крупных континентальных мероприятий.",
            "Brazil offers to second two experts to help plan security for major "
            "continental events.",
        ),
        "body": (
            [
                "Условия командирования и перечень мероприятий уточняются с "
                "принимающей стороной.",
            ],
            [
                "The terms of the secondment and the list of events are being agreed "
                "with the host.",
            ],
        ),
        "outcomes": ([], []),
    },
]
