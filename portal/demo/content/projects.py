"""The programme's three projects; their bodies are short HTML documents."""

import datetime

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
    LATAM,
    MIDDLE_EAST,
    NCS,
    PVE,
    VOT,
    YTH,
)

PROJECTS = [
    {
        "slug": "south-south-exchange",
        "start_date": datetime.date(2023, 7, 1),
        "end_date": datetime.date(2027, 6, 30),
        "title": (
            "Глобальный проект обмена контртеррористическим опытом между странами Юга",
            "Global project on the exchange of counter-terrorism expertise among "
            "countries of the South",
        ),
        "summary": (
            "Основной проект программы: страны Африки, Азии, Ближнего Востока, "
            "Латинской Америки и Карибского бассейна передают друг другу опыт и "
            "вместе укрепляют свои учреждения.",
            "The programme's core project: countries of Africa, Asia, the Middle "
            "East, Latin America and the Caribbean pass their experience on to one "
            "another and strengthen their institutions together.",
        ),
        "body": (
            "<h2>Зачем нужен проект</h2>"
            "<p>Страны, которые сталкиваются с похожими угрозами, часто лучше всего "
            "понимают друг друга. Следователь, который распутывал схемы "
            "финансирования вооруженных групп, или полицейский, охранявший "
            "многолюдный фестиваль, может дать коллегам из другой страны больше, "
            "чем самое подробное руководство.</p>"
            "<p>Проект помогает превратить такой опыт в систематический обмен: "
            "государства сообщают, чем готовы поделиться и чему хотят научиться, "
            "а КТЦ ООН подбирает партнеров и берет на себя организацию.</p>"
            "<h2>Как это работает</h2>"
            "<ul>"
            "<li>Предложения и запросы государств-членов сводятся в единый каталог "
            "экспертизы.</li>"
            "<li>Для каждой пары «предложение — запрос» согласуется формат: курс, "
            "практикум, учебный визит или обмен экспертами.</li>"
            "<li>После мероприятия участники оценивают его пользу, а отчет и "
            "материалы публикуются на портале.</li>"
            "</ul>"
            "<h2>Ожидаемые результаты</h2>"
            "<p>К завершению проекта не менее сорока государств должны принять "
            "участие в обмене как поставщики или получатели опыта, а каждое "
            "мероприятие — иметь измеримый результат, например обновленную "
            "инструкцию или новую учебную программу.</p>",
            "<h2>Why the project</h2>"
            "<p>Countries that face similar threats often understand each other "
            "best. An investigator who has unravelled the funding of armed groups, "
            "or a police officer who has kept a crowded festival safe, can give "
            "colleagues from another country more than the most detailed "
            "manual.</p>"
            "<p>The project turns that experience into a steady exchange: states say "
            "what they are ready to share and what they want to learn, and UNCCT "
            "matches partners and takes care of the organisation.</p>"
            "<h2>How it works</h2>"
            "<ul>"
            "<li>Offers and requests from member states are gathered in one "
            "catalogue of expertise.</li>"
            "<li>For each pair of an offer and a request a format is agreed: a "
            "course, a workshop, a study visit or an exchange of experts.</li>"
            "<li>After each activity participants assess what they gained, and the "
            "report and materials are published on the portal.</li>"
            "</ul>"
            "<h2>Expected results</h2>"
            "<p>By the end of the project at least forty states should have taken "
            "part as providers or recipients of expertise, and every activity should "
            "have a measurable result, such as an updated procedure or a new "
            "training curriculum.</p>",
        ),
        "themes": [NCS, BSM, CJ, CI, VOT, FTF],
        "regions": [AFRICA, ASIA, MIDDLE_EAST, LATAM],
        "partners": [
            "unossc",
            "unodc-terrorism-prevention",
            "au-counter-terrorism-centre",
            "asean-secretariat",
            "oas-cicte",
            "league-of-arab-states",
            "interpol",
            "jordan-public-security",
            "morocco-justice",
            "brazil-federal-police",
            "philippines-atc",
            "tunisia-ct-commission",
            "indonesia-bnpt",
        ],
    },
    {
        "slug": "youth-and-communities",
        "start_date": datetime.date(2024, 1, 15),
        "end_date": datetime.date(2026, 12, 31),
        "title": (
            "Молодежь и общины против насильственного экстремизма: обмен опытом "
            "Африки и Азии",
            "Youth and communities against violent extremism: an Africa–Asia exchange",
        ),
        "summary": (
            "Практики профилактики из Кении, Индонезии и Филиппин становятся "
            "доступны коллегам на двух континентах, а молодежные организации "
            "получают голос в разработке местных планов.",
            "Prevention practice from Kenya, Indonesia and the Philippines is made "
            "available to colleagues on two continents, and youth organisations get "
            "a say in local action plans.",
        ),
        "body": (
            "<p>Профилактика насильственного экстремизма складывается на местах: в "
            "школе, мечети или церкви, в молодежном клубе, в социальных сетях. "
            "Проект соединяет тех, кто делает эту работу в Восточной Африке и "
            "Юго-Восточной Азии, чтобы они учились друг у друга напрямую.</p>"
            "<h2>Направления работы</h2>"
            "<ul>"
            "<li>учебные визиты для команд, разрабатывающих местные планы "
            "действий;</li>"
            "<li>практикумы по молодежным информационным кампаниям;</li>"
            "<li>подготовка тренеров с учетом гендерных аспектов;</li>"
            "<li>независимая оценка результатов силами академических "
            "партнеров.</li>"
            "</ul>"
            "<blockquote>Молодые люди — не объект профилактики, а ее участники и "
            "авторы.</blockquote>",
            "<p>Preventing violent extremism happens locally: in schools, mosques "
            "and churches, youth clubs and social media. The project connects people "
            "who do this work in East Africa and South-East Asia so that they learn "
            "from each other directly.</p>"
            "<h2>Lines of work</h2>"
            "<ul>"
            "<li>study visits for teams that draft local action plans;</li>"
            "<li>workshops on youth-led information campaigns;</li>"
            "<li>gender-responsive training of trainers;</li>"
            "<li>independent evaluation of results by academic partners.</li>"
            "</ul>"
            "<blockquote>Young people are not the target of prevention but its "
            "participants and authors.</blockquote>",
        ),
        "themes": [PVE, YTH, COM, GEN],
        "regions": [AFRICA, ASIA],
        "partners": [
            "kenya-nctc",
            "indonesia-bnpt",
            "philippines-atc",
            "sea-youth-for-peace",
            "hedayah",
            "sahel-security-institute",
            "un-women",
            "au-counter-terrorism-centre",
        ],
    },
    {
        "slug": "follow-the-money",
        "start_date": datetime.date(2024, 2, 1),
        "end_date": datetime.date(2027, 2, 28),
        "title": (
            "По следу денег: противодействие финансированию терроризма в Латинской "
            "Америке, Африке и на Ближнем Востоке",
            "Following the money: countering the financing of terrorism across Latin "
            "America, Africa and the Middle East",
        ),
        "summary": (
            "Подразделения финансовой разведки, прокуроры и следователи трех "
            "регионов обмениваются методиками и учебными кейсами и налаживают "
            "прямые рабочие контакты.",
            "Financial intelligence units, prosecutors and investigators from three "
            "regions exchange methods and training cases and build direct working "
            "contacts.",
        ),
        "body": (
            "<p>Террористические группы пользуются теми же финансовыми каналами, "
            "что и все остальные: мобильными кошельками, денежными переводами, "
            "торговлей, а в последние годы и криптоактивами. Проект помогает "
            "специалистам, которые отслеживают эти потоки, сравнивать методы и "
            "быстрее обмениваться информацией.</p>"
            "<h2>Что делает проект</h2>"
            "<ul>"
            "<li>курсы по финансовым расследованиям на реальных, обезличенных "
            "кейсах;</li>"
            "<li>стажировки аналитиков в партнерских подразделениях финансовой "
            "разведки;</li>"
            "<li>вебинары о новых рисках — мобильных деньгах и криптоактивах.</li>"
            "</ul>"
            "<p>Особое внимание уделяется тому, чтобы меры контроля не мешали "
            "законной деятельности благотворительных организаций.</p>",
            "<p>Terrorist groups use the same financial channels as everyone else: "
            "mobile wallets, remittances, trade and, in recent years, "
            "crypto-assets. The project helps the specialists who trace these flows "
            "compare methods and share information faster.</p>"
            "<h2>What the project does</h2>"
            "<ul>"
            "<li>courses on financial investigations built on real, anonymised "
            "cases;</li>"
            "<li>placements of analysts in partner financial intelligence "
            "units;</li>"
            "<li>webinars on emerging risks, from mobile money to "
            "crypto-assets.</li>"
            "</ul>"
            "<p>Particular care is taken that controls do not get in the way of the "
            "legitimate work of charities.</p>",
        ),
        "themes": [CTF, CJ, CYB],
        "regions": [LATAM, AFRICA, MIDDLE_EAST],
        "partners": [
            "nigeria-fiu",
            "colombia-attorney-general",
            "egmont-group",
            "league-of-arab-states",
            "oas-cicte",
            "unodc-terrorism-prevention",
        ],
    },
]
