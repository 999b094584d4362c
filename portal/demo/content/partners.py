"""Partners of the programme and their focal points (the people are fictional)."""

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
    OTHER,
    PVE,
    VOT,
    YTH,
)

# A partner with a country takes the country's region; "region" is for the others.
PARTNERS = [
    {
        "slug": "kenya-nctc",
        "kind": "member_state",
        "country": "KEN",
        "name": (
            "Национальный контртеррористический центр Кении",
            "National Counter Terrorism Centre of Kenya",
        ),
        "acronym": ("НКТЦ", "NCTC"),
        "summary": (
            "Координирует национальную стратегию Кении по противодействию "
            "насильственному экстремизму и делится опытом работы через окружные "
            "органы власти и местные общины.",
            "Coordinates Kenya's national strategy for countering violent extremism "
            "and shares its experience of working through county governments and "
            "local communities.",
        ),
        "description": (
            [
                "Центр согласовывает действия министерств, полиции и гражданского "
                "общества в сфере предупреждения насильственного экстремизма. "
                "Отличительная черта кенийского подхода — окружные планы действий, "
                "которые составляются вместе с местными властями, религиозными "
                "лидерами и молодежными организациями.",
                "В рамках программы Центр принимает учебные визиты коллег из "
                "Восточной Африки и Юго-Восточной Азии и проводит практикумы по "
                "подготовке местных планов. Сам он хотел бы перенять опыт партнеров "
                "в выявлении финансирования терроризма и в защите от киберугроз.",
            ],
            [
                "The Centre brings ministries, the police and civil society together "
                "on preventing violent extremism. Kenya's approach stands out for its "
                "county action plans, drawn up with local authorities, faith leaders "
                "and youth groups.",
                "Under the programme the Centre hosts study visits from East Africa "
                "and South-East Asia and runs workshops on preparing local plans. It "
                "would like to learn from partners about detecting terrorist "
                "financing and protecting against cyber threats.",
            ],
        ),
        "website": "https://kenya-nctc.example.org/",
        "offers": [PVE, YTH, COM],
        "seeks": [CTF, CYB],
        "since": 2019,
        "contacts": [
            {
                "name": "Grace Achieng Mutua",
                "position": (
                    "Руководитель отдела международного сотрудничества",
                    "Head of International Cooperation",
                ),
                "email": "grace.mutua@example.org",
                "phone": "+254 20 555 0140",
                "primary": True,
            },
            {
                "name": "Daniel Kiprop Oduya",
                "position": ("Специалист по программам", "Programme Officer"),
                "email": "daniel.oduya@example.org",
                "phone": "+254 20 555 0141",
            },
        ],
    },
    {
        "slug": "indonesia-bnpt",
        "kind": "member_state",
        "country": "IDN",
        "name": (
            "Национальное агентство Индонезии по борьбе с терроризмом",
            "National Counter-Terrorism Agency of Indonesia",
        ),
        "acronym": ("BNPT", "BNPT"),
        "summary": (
            "Ведет программы реабилитации и реинтеграции, поддерживает пострадавших "
            "и делится практикой межведомственной координации на всех уровнях "
            "управления.",
            "Runs rehabilitation and reintegration programmes, supports victims and "
            "shares its practice of inter-agency coordination at every level of "
            "government.",
        ),
        "description": (
            [
                "Агентство координирует государственную политику Индонезии в области "
                "противодействия терроризму — от профилактики в школах и "
                "университетах до сопровождения людей, отбывших наказание за "
                "преступления террористического характера.",
                "Индонезийские специалисты участвуют в программе как эксперты по "
                "реабилитации и по работе с семьями возвращающихся иностранных "
                "боевиков-террористов. Агентство, в свою очередь, стремится "
                "освоить опыт партнеров в кибербезопасности и в противодействии "
                "вербовке в интернете.",
            ],
            [
                "The Agency coordinates Indonesia's counter-terrorism policy, from "
                "prevention in schools and universities to supervising people "
                "released after serving sentences for terrorist offences.",
                "Indonesian specialists take part in the programme as experts on "
                "rehabilitation and on working with the families of returning "
                "foreign terrorist fighters. In turn, the Agency wants to learn from "
                "partners' experience in cybersecurity and in countering online "
                "recruitment.",
            ],
        ),
        "website": "https://bnpt.example.org/",
        "offers": [FTF, VOT, PVE],
        "seeks": [CYB, COM],
        "since": 2018,
        "contacts": [
            {
                "name": "Rini Kartika Sari",
                "position": (
                    "Директор по международному сотрудничеству",
                    "Director of International Cooperation",
                ),
                "email": "rini.sari@example.org",
                "phone": "+62 21 555 0172",
                "primary": True,
            },
            {
                "name": "Agus Hidayat Wibisono",
                "position": ("Аналитик", "Analyst"),
                "email": "agus.wibisono@example.org",
                "phone": "+62 21 555 0173",
            },
        ],
    },
    {
        "slug": "colombia-attorney-general",
        "kind": "member_state",
        "country": "COL",
        "name": (
            "Генеральная прокуратура Колумбии",
            "Office of the Attorney General of Colombia",
        ),
        "acronym": ("FGN", "FGN"),
        "summary": (
            "Делится опытом расследования преступлений вооруженных групп, защиты "
            "прав пострадавших и применения механизмов переходного правосудия.",
            "Shares its experience of investigating crimes by armed groups, "
            "protecting victims' rights and applying transitional justice.",
        ),
        "description": (
            [
                "Десятилетия вооруженного конфликта дали колумбийским прокурорам "
                "редкий опыт: сложные финансовые расследования, работа с тысячами "
                "пострадавших, сбор доказательств в труднодоступных районах.",
                "В программе прокуратура проводит курсы для следователей и "
                "прокуроров из Латинской Америки и Африки и ищет партнеров для "
                "обмена методиками отслеживания финансовых потоков, связанных с "
                "терроризмом.",
            ],
            [
                "Decades of armed conflict have given Colombian prosecutors rare "
                "experience: complex financial investigations, work with thousands "
                "of victims and gathering evidence in hard-to-reach areas.",
                "In the programme the Office runs courses for investigators and "
                "prosecutors from Latin America and Africa, and looks for partners to "
                "exchange methods of tracing financial flows linked to terrorism.",
            ],
        ),
        "website": "https://fiscalia.example.org/",
        "offers": [CJ, VOT, HR],
        "seeks": [CTF, CYB],
        "since": 2020,
        "contacts": [
            {
                "name": "Laura Patricia Ospina Vélez",
                "position": (
                    "Координатор по международным вопросам",
                    "International Affairs Coordinator",
                ),
                "email": "laura.ospina@example.org",
                "phone": "+57 601 555 0118",
                "primary": True,
            },
        ],
    },
    {
        "slug": "jordan-public-security",
        "kind": "member_state",
        "country": "JOR",
        "name": (
            "Управление общественной безопасности Иордании",
            "Public Security Directorate of Jordan",
        ),
        "acronym": ("УОБ", "PSD"),
        "summary": (
            "Готовит специалистов по охране границ и защите мест массового "
            "пребывания людей на базе собственного учебного центра.",
            "Trains specialists in border protection and the security of crowded "
            "places at a training centre of its own.",
        ),
        "description": (
            [
                "Управление отвечает за полицейскую деятельность, гражданскую оборону "
                "и охрану границ. Его учебный центр ежегодно принимает сотрудников "
                "правоохранительных органов из стран Ближнего Востока и Африки.",
                "В рамках программы Иордания предлагает курсы по управлению "
                "границами и защите уязвимых объектов. Она также хочет усилить "
                "гендерное измерение своей работы, прежде всего привлечь больше "
                "женщин в пограничные подразделения.",
            ],
            [
                "The Directorate is responsible for policing, civil defence and "
                "border protection. Its training centre receives law-enforcement "
                "officers from the Middle East and Africa every year.",
                "Under the programme Jordan offers courses in border management and "
                "the protection of vulnerable sites. It also wants to strengthen the "
                "gender dimension of its work, above all by bringing more women into "
                "border units.",
            ],
        ),
        "website": "https://psd.example.org/",
        "offers": [BSM, CI],
        "seeks": [GEN, HR],
        "since": 2019,
        "contacts": [
            {
                "name": "Rania Khalil Haddad",
                "position": (
                    "Начальник отдела внешних связей",
                    "Head of External Relations",
                ),
                "email": "rania.haddad@example.org",
                "phone": "+962 6 555 0190",
                "primary": True,
            },
            {
                "name": "Omar Sami Qudah",
                "position": ("Старший инструктор", "Senior Instructor"),
                "email": "omar.qudah@example.org",
                "phone": "+962 6 555 0191",
            },
        ],
    },
    {
        "slug": "morocco-justice",
        "kind": "member_state",
        "country": "MAR",
        "name": (
            "Министерство юстиции Королевства Марокко",
            "Ministry of Justice of the Kingdom of Morocco",
        ),
        "acronym": ("", ""),
        "summary": (
            "Предлагает опыт программ реинтеграции в пенитенциарных учреждениях и "
            "подготовки судей к рассмотрению дел о терроризме.",
            "Offers its experience of reintegration programmes in prisons and of "
            "preparing judges to hear terrorism cases.",
        ),
        "description": (
            [
                "Марокко одним из первых в регионе начало программы для осужденных "
                "за преступления террористического характера, в которых правовое "
                "просвещение сочетается с психологической помощью и диалогом с "
                "богословами.",
                "Министерство делится своими методиками с партнерами из Западной "
                "Африки и Сахеля, а также изучает, как другие страны поддерживают "
                "пострадавших от терроризма.",
            ],
            [
                "Morocco was among the first in its region to run programmes for "
                "people convicted of terrorist offences that combine legal education, "
                "psychological support and dialogue with religious scholars.",
                "The Ministry shares these methods with partners from West Africa "
                "and the Sahel, and studies how other countries support victims of "
                "terrorism.",
            ],
        ),
        "website": "https://justice-ma.example.org/",
        "offers": [CJ, PVE, FTF],
        "seeks": [VOT],
        "since": 2021,
        "contacts": [
            {
                "name": "Youssef Amrani Bennani",
                "position": (
                    "Советник по международному сотрудничеству",
                    "Adviser on International Cooperation",
                ),
                "email": "youssef.bennani@example.org",
                "phone": "+212 537 555 014",
                "primary": True,
            },
        ],
    },
    {
        "slug": "nigeria-fiu",
        "kind": "member_state",
        "country": "NGA",
        "name": (
            "Служба финансовой разведки Нигерии",
            "Nigerian Financial Intelligence Unit",
        ),
        "acronym": ("NFIU", "NFIU"),
        "summary": (
            "Анализирует подозрительные операции и обучает коллег выявлению "
            "финансирования терроризма, в том числе через мобильные платежи.",
            "Analyses suspicious transactions and trains peers to detect terrorist "
            "financing, including through mobile payments.",
        ),
        "description": (
            [
                "Служба получает и анализирует сообщения о подозрительных операциях "
                "от банков, операторов мобильных денежных переводов и других "
                "подотчетных организаций и передает результаты правоохранительным "
                "органам.",
                "Для партнеров программы Служба проводит практические занятия по "
                "финансовому анализу и обмену информацией, а сама стремится лучше "
                "защитить критически важную инфраструктуру финансового сектора.",
            ],
            [
                "The Unit receives and analyses suspicious transaction reports from "
                "banks, mobile money operators and other reporting entities and "
                "passes its findings to law enforcement.",
                "For programme partners it runs hands-on sessions on financial "
                "analysis and information sharing, and it is looking to better "
                "protect the financial sector's critical infrastructure.",
            ],
        ),
        "website": "https://nfiu.example.org/",
        "offers": [CTF],
        "seeks": [CI, CYB],
        "since": 2020,
        "contacts": [
            {
                "name": "Chioma Adaeze Okafor",
                "position": (
                    "Руководитель группы стратегического анализа",
                    "Head of Strategic Analysis",
                ),
                "email": "chioma.okafor@example.org",
                "phone": "+234 9 555 0127",
                "primary": True,
            },
            {
                "name": "Ibrahim Musa Danjuma",
                "position": ("Финансовый аналитик", "Financial Analyst"),
                "email": "ibrahim.danjuma@example.org",
                "phone": "+234 9 555 0128",
            },
        ],
    },
    {
        "slug": "philippines-atc",
        "kind": "member_state",
        "country": "PHL",
        "name": (
            "Центр управления программами Совета по борьбе с терроризмом Филиппин",
            "Anti-Terrorism Council Program Management Center of the Philippines",
        ),
        "acronym": ("ATC-PMC", "ATC-PMC"),
        "summary": (
            "Помогает партнерам разрабатывать национальные планы действий по "
            "предупреждению насильственного экстремизма с участием молодежи.",
            "Helps partners develop national action plans on preventing violent "
            "extremism, with young people at the table.",
        ),
        "description": (
            [
                "Центр сопровождает выполнение национального плана действий Филиппин "
                "по предупреждению и противодействию насильственному экстремизму, "
                "в котором участвуют более двадцати ведомств.",
                "Филиппинские эксперты делятся опытом межведомственной координации и "
                "вовлечения молодежи, а Центр рассчитывает на помощь партнеров в "
                "управлении морскими границами.",
            ],
            [
                "The Center oversees the Philippines' national action plan on "
                "preventing and countering violent extremism, which involves more "
                "than twenty agencies.",
                "Philippine experts share their experience of inter-agency "
                "coordination and youth engagement, and the Center counts on "
                "partners for help with managing maritime borders.",
            ],
        ),
        "website": "https://atc-pmc.example.org/",
        "offers": [NCS, YTH, PVE],
        "seeks": [BSM],
        "since": 2021,
        "contacts": [
            {
                "name": "Maria Cristina Dela Paz",
                "position": ("Заместитель директора", "Deputy Director"),
                "email": "cristina.delapaz@example.org",
                "phone": "+63 2 555 0163",
                "primary": True,
            },
        ],
    },
    {
        "slug": "brazil-federal-police",
        "kind": "member_state",
        "country": "BRA",
        "name": ("Федеральная полиция Бразилии", "Federal Police of Brazil"),
        "acronym": ("PF", "PF"),
        "summary": (
            "Делится опытом обеспечения безопасности крупных международных "
            "мероприятий и контроля протяженных сухопутных границ.",
            "Shares its experience of securing major international events and "
            "controlling long land borders.",
        ),
        "description": (
            [
                "Федеральная полиция накопила большой опыт координации безопасности "
                "на международных спортивных и политических мероприятиях, когда "
                "десятки ведомств работают из единого оперативного центра.",
                "Бразилия предлагает партнерам курсы по защите мест массового "
                "пребывания людей и по пограничному контролю, а сама изучает "
                "практику других стран в работе с иностранными "
                "боевиками-террористами.",
            ],
            [
                "The Federal Police has built up wide experience of coordinating "
                "security at international sporting and political events, when "
                "dozens of agencies work from a single operations centre.",
                "Brazil offers partners courses on protecting crowded places and on "
                "border control, and studies other countries' practice in dealing "
                "with foreign terrorist fighters.",
            ],
        ),
        "website": "https://pf.example.org/",
        "offers": [CI, BSM],
        "seeks": [FTF],
        "since": 2022,
        "contacts": [
            {
                "name": "Fernanda Ribeiro Lopes",
                "position": (
                    "Координатор международных программ",
                    "International Programmes Coordinator",
                ),
                "email": "fernanda.lopes@example.org",
                "phone": "+55 61 555 0135",
                "primary": True,
            },
            {
                "name": "Rafael Duarte Moreira",
                "position": ("Инспектор", "Inspector"),
                "email": "rafael.moreira@example.org",
                "phone": "+55 61 555 0136",
            },
        ],
    },
    {
        "slug": "tunisia-ct-commission",
        "kind": "member_state",
        "country": "TUN",
        "name": (
            "Национальная комиссия по борьбе с терроризмом Туниса",
            "National Counter-Terrorism Commission of Tunisia",
        ),
        "acronym": ("CNLCT", "CNLCT"),
        "summary": (
            "Координирует национальную стратегию Туниса и изучает опыт партнеров "
            "в защите прав человека и учете гендерных аспектов.",
            "Coordinates Tunisia's national strategy and draws on partners' "
            "experience in protecting human rights and mainstreaming gender.",
        ),
        "description": (
            [
                "Комиссия объединяет представителей министерств, судебной системы и "
                "гражданского общества и следит за выполнением национальной "
                "стратегии противодействия экстремизму и терроризму.",
                "Тунис делится опытом разработки и пересмотра национальной "
                "стратегии, а от партнеров ждет методик, позволяющих проверить, "
                "соответствуют ли контртеррористические меры стандартам в области "
                "прав человека.",
            ],
            [
                "The Commission brings together ministries, the judiciary and civil "
                "society and monitors the national strategy against extremism and "
                "terrorism.",
                "Tunisia shares its experience of drafting and reviewing a national "
                "strategy, and looks to partners for methods of checking whether "
                "counter-terrorism measures meet human rights standards.",
            ],
        ),
        "website": "https://cnlct.example.org/",
        "offers": [NCS],
        "seeks": [HR, GEN],
        "since": 2022,
        "contacts": [
            {
                "name": "Salma Ben Ammar",
                "position": ("Секретарь комиссии", "Secretary of the Commission"),
                "email": "salma.benammar@example.org",
                "phone": "+216 71 555 015",
                "primary": True,
            },
        ],
    },
    {
        "slug": "au-counter-terrorism-centre",
        "kind": "regional_org",
        "region": AFRICA,
        "name": (
            "Центр Африканского союза по борьбе с терроризмом",
            "African Union Counter Terrorism Centre",
        ),
        "acronym": ("ЦБТ АС", "AUCTC"),
        "summary": (
            "Исследовательский и учебный центр Африканского союза, который "
            "связывает национальные координационные центры государств-членов.",
            "The African Union's research and training centre, linking the "
            "national focal points of its member states.",
        ),
        "description": (
            [
                "Центр собирает и анализирует сведения о террористической угрозе на "
                "континенте, готовит аналитические материалы и проводит обучение "
                "для государств — членов Африканского союза.",
                "В программе Центр служит связующим звеном между африканскими "
                "партнерами и экспертами из других регионов и помогает приспособить "
                "их опыт к условиям Сахеля, Африканского Рога и бассейна озера Чад.",
            ],
            [
                "The Centre gathers and analyses information on the terrorist threat "
                "across the continent, produces analysis and runs training for "
                "African Union member states.",
                "Within the programme it links African partners with experts from "
                "other regions and helps adapt their experience to conditions in the "
                "Sahel, the Horn of Africa and the Lake Chad Basin.",
            ],
        ),
        "website": "https://au.int/",
        "offers": [NCS, FTF],
        "seeks": [CYB, COM],
        "since": 2018,
        "contacts": [
            {
                "name": "Aïssata Diallo Konaté",
                "position": (
                    "Старший специалист по партнерствам",
                    "Senior Partnerships Officer",
                ),
                "email": "aissata.konate@example.org",
                "phone": "+213 23 555 017",
                "primary": True,
            },
            {
                "name": "Samuel Tesfaye Bekele",
                "position": ("Аналитик по вопросам угроз", "Threat Analyst"),
                "email": "samuel.bekele@example.org",
                "phone": "+213 23 555 018",
            },
        ],
    },
    {
        "slug": "asean-secretariat",
        "kind": "regional_org",
        "region": ASIA,
        "name": ("Секретариат АСЕАН", "ASEAN Secretariat"),
        "acronym": ("АСЕАН", "ASEAN"),
        "summary": (
            "Содействует выполнению регионального плана действий АСЕАН по "
            "предупреждению радикализации и насильственного экстремизма.",
            "Supports the ASEAN regional plan of action on preventing "
            "radicalisation and violent extremism.",
        ),
        "description": (
            [
                "Секретариат поддерживает сотрудничество государств — членов "
                "Ассоциации в сфере безопасности, включая обмен информацией между "
                "правоохранительными органами и совместную подготовку кадров.",
                "Через программу АСЕАН знакомит партнеров из Африки и Латинской "
                "Америки со своими механизмами региональной координации и изучает "
                "их опыт стратегических коммуникаций.",
            ],
            [
                "The Secretariat supports security cooperation among the "
                "Association's member states, including information exchange between "
                "law-enforcement agencies and joint training.",
                "Through the programme ASEAN introduces partners from Africa and "
                "Latin America to its regional coordination mechanisms and learns "
                "from their experience of strategic communications.",
            ],
        ),
        "website": "https://asean.org/",
        "offers": [NCS, PVE],
        "seeks": [COM],
        "since": 2020,
        "contacts": [
            {
                "name": "Nguyen Thi Lan Anh",
                "position": (
                    "Специалист отдела политического сотрудничества и безопасности",
                    "Officer, Political-Security Cooperation",
                ),
                "email": "lananh.nguyen@example.org",
                "phone": "+62 21 555 0190",
                "primary": True,
            },
        ],
    },
    {
        "slug": "oas-cicte",
        "kind": "regional_org",
        "region": LATAM,
        "name": (
            "Межамериканский комитет по борьбе с терроризмом ОАГ",
            "Inter-American Committee against Terrorism (OAS)",
        ),
        "acronym": ("СИКТЕ", "CICTE"),
        "summary": (
            "Поддерживает государства Америки в вопросах кибербезопасности, "
            "пограничного контроля и защиты критически важной инфраструктуры.",
            "Supports states of the Americas on cybersecurity, border control and "
            "the protection of critical infrastructure.",
        ),
        "description": (
            [
                "Комитет работает в структуре Организации американских государств и "
                "помогает государствам-членам создавать национальные группы "
                "реагирования на компьютерные инциденты, защищать критически важную "
                "инфраструктуру и совершенствовать законодательство.",
                "В программе СИКТЕ делится с коллегами из Африки и Азии опытом "
                "региональных учений по кибербезопасности и интересуется практикой "
                "партнеров в предупреждении насильственного экстремизма.",
            ],
            [
                "The Committee works within the Organization of American States and "
                "helps member states set up national computer incident response "
                "teams, protect critical infrastructure and improve legislation.",
                "Within the programme CICTE shares its experience of regional cyber "
                "exercises with colleagues from Africa and Asia and is interested in "
                "partners' practice of preventing violent extremism.",
            ],
        ),
        "website": "https://www.oas.org/",
        "offers": [CYB, CI, BSM],
        "seeks": [PVE],
        "since": 2021,
        "contacts": [
            {
                "name": "Andrea Valentina Soto Ruiz",
                "position": ("Руководитель программы", "Programme Manager"),
                "email": "andrea.soto@example.org",
                "phone": "+1 202 555 0145",
                "primary": True,
            },
        ],
    },
    {
        "slug": "league-of-arab-states",
        "kind": "regional_org",
        "region": MIDDLE_EAST,
        "name": ("Лига арабских государств", "League of Arab States"),
        "acronym": ("ЛАГ", "LAS"),
        "summary": (
            "Содействует сближению законодательства арабских государств в сфере "
            "противодействия терроризму и его финансированию.",
            "Promotes closer alignment of Arab states' laws on countering terrorism "
            "and its financing.",
        ),
        "description": (
            [
                "Лига поддерживает выполнение Арабской конвенции о борьбе с "
                "терроризмом и проводит встречи экспертов министерств юстиции и "
                "внутренних дел.",
                "В программе Лига служит площадкой для обмена опытом между "
                "государствами Ближнего Востока и Северной Африки и ищет партнеров "
                "по вопросам поддержки пострадавших и участия женщин в "
                "профилактике.",
            ],
            [
                "The League supports the implementation of the Arab Convention for "
                "the Suppression of Terrorism and convenes experts from ministries "
                "of justice and the interior.",
                "In the programme the League offers a forum for exchange among states "
                "of the Middle East and North Africa and looks for partners on victim "
                "support and on women's role in prevention.",
            ],
        ),
        "website": "https://las.example.org/",
        "offers": [CJ, CTF],
        "seeks": [VOT, GEN],
        "since": 2023,
        "contacts": [
            {
                "name": "Karim Farouk Mansour",
                "position": (
                    "Советник департамента по правовым вопросам",
                    "Adviser, Legal Affairs Department",
                ),
                "email": "karim.mansour@example.org",
                "phone": "+20 2 555 0175",
                "primary": True,
            },
        ],
    },
    {
        "slug": "interpol",
        "kind": "international_org",
        "region": OTHER,
        "name": (
            "Международная организация уголовной полиции",
            "International Criminal Police Organization",
        ),
        "acronym": ("Интерпол", "INTERPOL"),
        "summary": (
            "Открывает доступ к базам данных и защищенным каналам обмена полицейской "
            "информацией, в том числе об иностранных боевиках-террористах.",
            "Opens access to databases and secure channels for police information, "
            "including on foreign terrorist fighters.",
        ),
        "description": (
            [
                "Интерпол связывает полицейские службы почти двухсот стран через "
                "защищенную систему связи и ведет базы данных, по которым "
                "пограничники проверяют документы и лиц.",
                "В рамках программы Интерпол направляет инструкторов на курсы по "
                "пограничной безопасности и помогает партнерам подключать к своим "
                "базам данных пункты пропуска через границу.",
            ],
            [
                "INTERPOL connects the police services of almost two hundred "
                "countries through a secure communications system and maintains "
                "databases that border officers use to check documents and people.",
                "Within the programme INTERPOL sends trainers to border security "
                "courses and helps partners connect border crossing points to its "
                "databases.",
            ],
        ),
        "website": "https://www.interpol.int/",
        "offers": [BSM, FTF],
        "seeks": [GEN],
        "since": 2018,
        "contacts": [
            {
                "name": "Thomas Mbeki Ndlovu",
                "position": (
                    "Специалист по контртеррористическим программам",
                    "Counter-Terrorism Programme Officer",
                ),
                "email": "thomas.ndlovu@example.org",
                "phone": "+33 4 555 0112",
                "primary": True,
            },
        ],
    },
    {
        "slug": "egmont-group",
        "kind": "international_org",
        "region": OTHER,
        "name": (
            "Группа «Эгмонт» подразделений финансовой разведки",
            "Egmont Group of Financial Intelligence Units",
        ),
        "acronym": ("Эгмонт", "Egmont"),
        "summary": (
            "Объединяет подразделения финансовой разведки и поддерживает безопасный "
            "обмен информацией между ними.",
            "Brings financial intelligence units together and supports secure "
            "information exchange among them.",
        ),
        "description": (
            [
                "Группа разрабатывает стандарты обмена финансовой информацией и "
                "обучает аналитиков. Ее члены направляют запросы зарубежным коллегам "
                "по защищенной сети.",
                "В программе Группа помогает подразделениям финансовой разведки "
                "стран Юга наладить прямое взаимодействие и делится учебными "
                "кейсами, а от партнеров ждет сведений о новых способах "
                "финансирования, включая криптоактивы.",
            ],
            [
                "The Group develops standards for sharing financial intelligence and "
                "trains analysts. Its members send requests to counterparts abroad "
                "over a secure network.",
                "In the programme the Group helps financial intelligence units in the "
                "South work directly with one another and shares training cases; from "
                "partners it wants insight into new financing methods, including "
                "crypto-assets.",
            ],
        ),
        "website": "https://egmontgroup.org/",
        "offers": [CTF],
        "seeks": [CYB],
        "since": 2019,
        "contacts": [
            {
                "name": "Priya Raman Iyer",
                "position": ("Руководитель учебных программ", "Head of Training"),
                "email": "priya.iyer@example.org",
                "phone": "+1 416 555 0153",
                "primary": True,
            },
        ],
    },
    {
        "slug": "hedayah",
        "kind": "international_org",
        "country": "ARE",
        "name": (
            "Международный центр передового опыта по противодействию "
            "насильственному экстремизму «Хедайя»",
            "Hedayah, International Center of Excellence for Countering Violent "
            "Extremism",
        ),
        "acronym": ("Хедайя", "Hedayah"),
        "summary": (
            "Собирает передовой опыт противодействия насильственному экстремизму и "
            "обучает специалистов по стратегическим коммуникациям.",
            "Collects good practice in countering violent extremism and trains "
            "specialists in strategic communications.",
        ),
        "description": (
            [
                "Центр в Абу-Даби проводит исследования, разрабатывает учебные "
                "программы и поддерживает сети практиков, работающих с молодежью, "
                "школами и средствами массовой информации.",
                "Для программы «Хедайя» готовит методические материалы и проводит "
                "вебинары, а сама заинтересована в данных партнеров о "
                "результативности программ реабилитации.",
            ],
            [
                "Based in Abu Dhabi, the Center conducts research, develops training "
                "curricula and supports networks of practitioners who work with young "
                "people, schools and the media.",
                "For the programme Hedayah prepares guidance material and hosts "
                "webinars, and it is interested in partners' evidence on how well "
                "rehabilitation programmes work.",
            ],
        ),
        "website": "https://hedayah.com/",
        "offers": [COM, PVE, YTH],
        "seeks": [FTF],
        "since": 2019,
        "contacts": [
            {
                "name": "Layla Nasser Al Marzooqi",
                "position": ("Руководитель программ", "Programmes Lead"),
                "email": "layla.almarzooqi@example.org",
                "phone": "+971 2 555 0108",
                "primary": True,
            },
            {
                "name": "Tariq Hassan Siddiqui",
                "position": (
                    "Специалист по исследованиям",
                    "Research Officer",
                ),
                "email": "tariq.siddiqui@example.org",
                "phone": "+971 2 555 0109",
            },
        ],
    },
    {
        "slug": "unossc",
        "kind": "un_entity",
        "region": OTHER,
        "name": (
            "Управление Организации Объединенных Наций по сотрудничеству Юг — Юг",
            "United Nations Office for South-South Cooperation",
        ),
        "acronym": ("УСЮЮ ООН", "UNOSSC"),
        "summary": (
            "Продвигает сотрудничество Юг — Юг и трехстороннее сотрудничество в "
            "системе ООН и помогает программе находить новых партнеров.",
            "Promotes South-South and triangular cooperation across the UN system "
            "and helps the programme find new partners.",
        ),
        "description": (
            [
                "Управление поддерживает платформы, на которых развивающиеся страны "
                "обмениваются готовыми решениями, и консультирует структуры ООН о "
                "том, как включить сотрудничество Юг — Юг в свою работу.",
                "Вместе с КТЦ ООН Управление помогает описывать "
                "контртеррористические практики так, чтобы их было удобно "
                "перенимать, и распространяет эти описания по своим каналам.",
            ],
            [
                "The Office runs platforms where developing countries share proven "
                "solutions, and advises UN entities on building South-South "
                "cooperation into their work.",
                "With UNCCT the Office helps write up counter-terrorism practices in "
                "a form that others can adopt, and spreads these write-ups through "
                "its own channels.",
            ],
        ),
        "website": "https://unsouthsouth.org/",
        "offers": [NCS, COM],
        "seeks": [GEN],
        "since": 2018,
        "contacts": [
            {
                "name": "Elena Vargas Quispe",
                "position": (
                    "Специалист по партнерствам",
                    "Partnerships Specialist",
                ),
                "email": "elena.vargas@example.org",
                "phone": "+1 212 555 0166",
                "primary": True,
            },
        ],
    },
    {
        "slug": "unodc-terrorism-prevention",
        "kind": "un_entity",
        "region": OTHER,
        "name": (
            "Сектор по предупреждению терроризма УНП ООН",
            "UNODC Terrorism Prevention Branch",
        ),
        "acronym": ("УНП ООН", "UNODC"),
        "summary": (
            "Помогает государствам присоединиться к универсальным конвенциям против "
            "терроризма и готовит работников системы уголовного правосудия.",
            "Helps states join the universal conventions against terrorism and "
            "trains criminal justice practitioners.",
        ),
        "description": (
            [
                "Сектор помогает государствам приводить законодательство в "
                "соответствие с международными документами по борьбе с терроризмом "
                "и обучает следователей, прокуроров и судей.",
                "В программе Сектор привлекает экспертов из стран Юга к своим "
                "учебным мероприятиям и вместе с ними выпускает сборники практик.",
            ],
            [
                "The Branch helps states bring their laws into line with the "
                "international counter-terrorism instruments and trains "
                "investigators, prosecutors and judges.",
                "In the programme the Branch brings experts from the South into its "
                "training events and publishes collections of practice written "
                "together with them.",
            ],
        ),
        "website": "https://www.unodc.org/",
        "offers": [CJ, HR],
        "seeks": [VOT],
        "since": 2018,
        "contacts": [
            {
                "name": "Marta Lindqvist Oyelaran",
                "position": (
                    "Специалист по предупреждению преступности",
                    "Crime Prevention Officer",
                ),
                "email": "marta.oyelaran@example.org",
                "phone": "+43 1 555 0129",
                "primary": True,
            },
        ],
    },
    {
        "slug": "un-women",
        "kind": "un_entity",
        "region": OTHER,
        "name": ("Структура «ООН-женщины»", "UN Women"),
        "acronym": ("ООН-женщины", "UN Women"),
        "summary": (
            "Помогает учитывать гендерные аспекты в контртеррористических стратегиях "
            "и поддерживает женские организации, работающие над профилактикой.",
            "Helps build gender perspectives into counter-terrorism strategies and "
            "supports women's organisations working on prevention.",
        ),
        "description": (
            [
                "Структура консультирует правительства по вопросам участия женщин в "
                "обеспечении мира и безопасности и помогает оценить, как "
                "контртеррористические меры сказываются на женщинах и девочках.",
                "В программе «ООН-женщины» поддерживает обмен опытом между женскими "
                "сетями Африки, Азии и Латинской Америки и следит, чтобы женщины "
                "составляли заметную долю участников мероприятий.",
            ],
            [
                "UN Women advises governments on women's participation in peace and "
                "security and helps assess how counter-terrorism measures affect "
                "women and girls.",
                "In the programme UN Women supports exchanges between women's "
                "networks in Africa, Asia and Latin America and makes sure women are "
                "a real share of the participants in activities.",
            ],
        ),
        "website": "https://www.unwomen.org/",
        "offers": [GEN, HR],
        "seeks": [COM],
        "since": 2020,
        "contacts": [
            {
                "name": "Nomvula Grace Dlamini",
                "position": (
                    "Специалист по вопросам мира и безопасности",
                    "Peace and Security Specialist",
                ),
                "email": "nomvula.dlamini@example.org",
                "phone": "+1 646 555 0181",
                "primary": True,
            },
        ],
    },
    {
        "slug": "sahel-security-institute",
        "kind": "academia",
        "country": "SEN",
        "name": (
            "Сахельский институт исследований безопасности",
            "Sahel Institute for Security Studies",
        ),
        "acronym": ("СИИБ", "SISS"),
        "summary": (
            "Университетский исследовательский центр в Дакаре, который изучает "
            "причины радикализации в Сахеле и оценивает программы профилактики.",
            "A university research centre in Dakar that studies the drivers of "
            "radicalisation in the Sahel and evaluates prevention programmes.",
        ),
        "description": (
            [
                "Институт ведет полевые исследования в приграничных районах Сахеля "
                "и готовит аналитические записки для правительств и международных "
                "организаций. Его сотрудники преподают методы оценки программ "
                "профилактики.",
                "Для программы Институт готовит исследования и участвует в оценке "
                "мероприятий. Он ищет партнеров, готовых поделиться данными о "
                "пограничном контроле и работе с молодежью.",
            ],
            [
                "The Institute carries out field research in the border areas of the "
                "Sahel and writes policy briefs for governments and international "
                "organisations. Its staff teach methods for evaluating prevention "
                "programmes.",
                "For the programme the Institute prepares studies and helps evaluate "
                "activities. It seeks partners willing to share data on border "
                "control and youth work.",
            ],
        ),
        "website": "https://sahel-institute.example.org/",
        "offers": [PVE, HR],
        "seeks": [BSM, YTH],
        "since": 2021,
        "contacts": [
            {
                "name": "Mamadou Lamine Sarr",
                "position": ("Директор по исследованиям", "Director of Research"),
                "email": "mamadou.sarr@example.org",
                "phone": "+221 33 555 0147",
                "primary": True,
            },
            {
                "name": "Fatou Binetou Ndiaye",
                "position": ("Научный сотрудник", "Research Fellow"),
                "email": "fatou.ndiaye@example.org",
                "phone": "+221 33 555 0148",
            },
        ],
    },
    {
        "slug": "andean-university-network",
        "kind": "academia",
        "country": "PER",
        "name": (
            "Андская университетская сеть по вопросам безопасности и правосудия",
            "Andean University Network on Security and Justice",
        ),
        "acronym": ("", ""),
        "summary": (
            "Объединяет университеты Андского региона для подготовки юристов и "
            "аналитиков в сфере уголовного правосудия и кибербезопасности.",
            "Brings universities of the Andean region together to train lawyers and "
            "analysts in criminal justice and cybersecurity.",
        ),
        "description": (
            [
                "Сеть с секретариатом в Лиме разрабатывает магистерские курсы и "
                "короткие программы повышения квалификации для сотрудников "
                "правоохранительных органов.",
                "Участвуя в программе, Сеть открывает свои курсы для слушателей из "
                "Африки и Азии и ищет партнеров для совместных исследований "
                "финансирования терроризма.",
            ],
            [
                "With its secretariat in Lima, the Network develops master's courses "
                "and short professional programmes for law-enforcement staff.",
                "Through the programme the Network opens its courses to participants "
                "from Africa and Asia and seeks partners for joint research on "
                "terrorist financing.",
            ],
        ),
        "website": "https://andean-network.example.org/",
        "offers": [CJ, CYB],
        "seeks": [CTF],
        "since": 2023,
        "contacts": [
            {
                "name": "Javier Huamán Rojas",
                "position": ("Исполнительный секретарь", "Executive Secretary"),
                "email": "javier.huaman@example.org",
                "phone": "+51 1 555 0114",
                "primary": True,
            },
        ],
    },
    {
        "slug": "sea-youth-for-peace",
        "kind": "civil_society",
        "country": "MYS",
        "name": (
            "Молодежная сеть за мир в Юго-Восточной Азии",
            "South-East Asia Youth for Peace Network",
        ),
        "acronym": ("", "SEAYPN"),
        "summary": (
            "Сеть молодежных организаций, которая готовит молодых лидеров к "
            "профилактике экстремизма в своих общинах и в интернете.",
            "A network of youth organisations that prepares young leaders to "
            "prevent extremism in their communities and online.",
        ),
        "description": (
            [
                "Сеть объединяет молодежные организации из нескольких стран региона. "
                "Ее участники проводят кампании в социальных сетях, школьные "
                "дебаты и тренинги по медиаграмотности.",
                "В программе Сеть рассказывает о молодежных кампаниях и учится у "
                "партнеров работе с пострадавшими от терроризма, чьи истории "
                "помогают противостоять пропаганде.",
            ],
            [
                "The Network links youth organisations from several countries of the "
                "region. Its members run social media campaigns, school debates and "
                "media literacy training.",
                "In the programme the Network shares its experience of youth-led "
                "campaigns and learns from partners how to work with victims of "
                "terrorism, whose stories help counter propaganda.",
            ],
        ),
        "website": "https://seaypn.example.org/",
        "offers": [YTH, COM],
        "seeks": [VOT],
        "since": 2022,
        "contacts": [
            {
                "name": "Nurul Aisyah Rahman",
                "position": ("Координатор сети", "Network Coordinator"),
                "email": "nurul.rahman@example.org",
                "phone": "+60 3 555 0158",
                "primary": True,
            },
        ],
    },
    {
        "slug": "victims-association",
        "kind": "civil_society",
        "country": "IRQ",
        "name": (
            "Ассоциация пострадавших от терроризма и их семей",
            "Association of Victims of Terrorism and their Families",
        ),
        "acronym": ("", ""),
        "summary": (
            "Объединяет пострадавших от террористических актов и их родственников и "
            "оказывает им правовую и психологическую помощь.",
            "Brings together survivors of terrorist attacks and their relatives and "
            "gives them legal and psychological support.",
        ),
        "description": (
            [
                "Ассоциация помогает пострадавшим получать компенсации, медицинскую "
                "помощь и консультации и добивается, чтобы их голос звучал при "
                "выработке государственной политики.",
                "В программе Ассоциация делится опытом взаимопомощи и участвует в "
                "подготовке специалистов, работающих с пострадавшими. Она ищет "
                "партнеров для создания реестров пострадавших и обмена практиками "
                "психосоциальной поддержки.",
            ],
            [
                "The Association helps victims obtain compensation, medical care and "
                "counselling, and works to have their voice heard when public policy "
                "is made.",
                "In the programme the Association shares its peer support experience "
                "and helps train professionals who work with victims. It seeks "
                "partners for building victim registers and sharing psychosocial "
                "support practice.",
            ],
        ),
        "website": "https://victims-association.example.org/",
        "offers": [VOT, HR],
        "seeks": [CJ],
        "since": 2022,
        "contacts": [
            {
                "name": "Zainab Kareem Al-Jaburi",
                "position": ("Председатель правления", "Chair of the Board"),
                "email": "zainab.aljaburi@example.org",
                "phone": "+964 1 555 0133",
                "primary": True,
            },
        ],
    },
]
