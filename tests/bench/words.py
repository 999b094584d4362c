"""Russian and English phrases for the synthetic data set, as (ru, en) pairs.

Titles and texts are assembled from these so that both languages read like the
programme's own material (no lorem ipsum), vary enough for sorting and search to
have work to do, and stay aligned: the English title says what the Russian says.
"""

from __future__ import annotations

import random
from collections.abc import Callable

Pair = tuple[str, str]

TOPICS = [
    (
        "противодействия финансированию терроризма",
        "countering the financing of terrorism",
    ),
    ("предупреждения насильственного экстремизма", "preventing violent extremism"),
    ("безопасности и управления границами", "border security and management"),
    (
        "уголовного правосудия и верховенства права",
        "criminal justice and the rule of law",
    ),
    ("поддержки жертв терроризма", "support to victims of terrorism"),
    ("кибербезопасности и новых технологий", "cybersecurity and new technologies"),
    ("защиты прав человека", "protecting human rights"),
    (
        "участия женщин в обеспечении мира",
        "women's participation in peace and security",
    ),
    ("защиты критической инфраструктуры", "protecting critical infrastructure"),
    (
        "возвращения иностранных боевиков-террористов",
        "returning foreign terrorist fighters",
    ),
    ("стратегических коммуникаций", "strategic communications"),
    ("вовлечения молодежи", "youth engagement"),
    (
        "национальных контртеррористических стратегий",
        "national counter-terrorism strategies",
    ),
    ("расследования финансовых потоков", "financial investigations"),
    ("обмена данными о пассажирах", "passenger data exchange"),
    ("реабилитации и реинтеграции", "rehabilitation and reintegration"),
    ("защиты уязвимых объектов", "protecting soft targets"),
    ("противодействия вербовке в интернете", "countering online recruitment"),
    ("работы с цифровыми доказательствами", "handling digital evidence"),
    (
        "международного сотрудничества по уголовным делам",
        "international cooperation in criminal matters",
    ),
    ("управления тюрьмами", "prison management"),
    ("оценки рисков", "risk assessment"),
    ("биометрической идентификации", "biometric identification"),
    ("контроля оборота стрелкового оружия", "controlling small arms"),
]

DOCUMENT_TYPES = [
    ("Руководство", "Handbook"),
    ("Доклад", "Report"),
    ("Аналитическая записка", "Policy brief"),
    ("Методические рекомендации", "Guidelines"),
    ("Учебное пособие", "Training manual"),
    ("Сборник передовой практики", "Compendium of good practices"),
    ("Обзор", "Review"),
    ("Справочник", "Reference guide"),
    ("Типовой закон", "Model law"),
    ("Исследование", "Study"),
    ("Контрольный перечень", "Checklist"),
    ("Видеолекция", "Video lecture"),
    ("Программа курса", "Course syllabus"),
    ("Оценка потребностей", "Needs assessment"),
]

AUDIENCES = [
    ("для прокуроров", "for prosecutors"),
    ("для сотрудников пограничной службы", "for border officials"),
    ("для подразделений финансовой разведки", "for financial intelligence units"),
    ("для судей", "for judges"),
    ("для парламентариев", "for parliamentarians"),
    ("для гражданского общества", "for civil society"),
    ("для молодежных организаций", "for youth organisations"),
    ("для полиции", "for police officers"),
    ("для сотрудников исправительных учреждений", "for prison staff"),
    ("для национальных координаторов", "for national focal points"),
    ("для специалистов по коммуникациям", "for communication specialists"),
    ("", ""),
]

SUBTITLES = [
    ("опыт стран Юга", "lessons from the South"),
    ("практический подход", "a practical approach"),
    ("уроки десяти лет сотрудничества", "lessons from ten years of cooperation"),
    ("региональная перспектива", "a regional perspective"),
    ("от стратегии к действиям", "from strategy to action"),
    ("вопросы и ответы", "questions and answers"),
    ("второе издание", "second edition"),
    ("итоги регионального семинара", "outcomes of a regional seminar"),
    ("сравнительный анализ", "a comparative analysis"),
    ("инструменты и методы", "tools and methods"),
    ("рекомендации по внедрению", "implementation guidance"),
    ("пособие для преподавателей", "a trainer's companion"),
]

ACTIVITY_TITLES = {
    "training": ("Учебный курс по вопросам", "Training course on"),
    "workshop": ("Практический семинар по вопросам", "Workshop on"),
    "study_visit": ("Ознакомительный визит по вопросам", "Study visit on"),
    "expert_exchange": ("Обмен экспертами в области", "Expert exchange on"),
    "conference": ("Региональная конференция по вопросам", "Regional conference on"),
    "webinar": ("Вебинар по вопросам", "Webinar on"),
    "in_kind": ("Техническое содействие в области", "In-kind support for"),
}

PROJECT_TITLES = [
    ("Программа сотрудничества Юг-Юг в области", "South-South programme on"),
    ("Партнерство по вопросам", "Partnership on"),
    ("Региональная инициатива в области", "Regional initiative on"),
    ("Проект наращивания потенциала в области", "Capacity-building project on"),
    ("Сеть экспертов по вопросам", "Expert network on"),
]

PARTNER_NAMES = {
    "member_state": [
        (
            "Национальный контртеррористический центр",
            "National Counter-Terrorism Centre",
        ),
        ("Служба финансовой разведки", "Financial Intelligence Unit"),
        ("Министерство юстиции", "Ministry of Justice"),
        ("Министерство внутренних дел", "Ministry of the Interior"),
        ("Генеральная прокуратура", "Office of the Attorney General"),
        ("Пограничная служба", "Border Service"),
        ("Национальная полиция", "National Police"),
        ("Министерство иностранных дел", "Ministry of Foreign Affairs"),
    ],
    "regional_org": [
        ("Региональный центр по безопасности", "Regional Security Centre"),
        ("Комиссия по сотрудничеству", "Cooperation Commission"),
        (
            "Региональная группа по борьбе с отмыванием денег",
            "Regional Anti-Money Laundering Group",
        ),
    ],
    "international_org": [
        ("Международный институт правосудия", "International Institute for Justice"),
        ("Международный форум по безопасности", "International Security Forum"),
    ],
    "un_entity": [
        ("Отделение ООН", "United Nations Office"),
        ("Программа ООН по вопросам безопасности", "United Nations Security Programme"),
    ],
    "academia": [
        ("Институт исследований безопасности", "Institute for Security Studies"),
        (
            "Университет, кафедра международного права",
            "University, Department of International Law",
        ),
        ("Центр изучения экстремизма", "Centre for the Study of Extremism"),
        ("Академия государственного управления", "Academy of Public Administration"),
    ],
    "civil_society": [
        (
            "Ассоциация пострадавших от терроризма",
            "Association of Victims of Terrorism",
        ),
        ("Молодежная сеть за мир", "Youth for Peace Network"),
        ("Женская инициатива за безопасность", "Women's Security Initiative"),
        ("Фонд общественного диалога", "Community Dialogue Foundation"),
    ],
}

CITIES = [
    ("Найроби", "Nairobi"),
    ("Аддис-Абеба", "Addis Ababa"),
    ("Дакар", "Dakar"),
    ("Абуджа", "Abuja"),
    ("Рабат", "Rabat"),
    ("Каир", "Cairo"),
    ("Амман", "Amman"),
    ("Доха", "Doha"),
    ("Эр-Рияд", "Riyadh"),
    ("Джакарта", "Jakarta"),
    ("Куала-Лумпур", "Kuala Lumpur"),
    ("Манила", "Manila"),
    ("Нью-Дели", "New Delhi"),
    ("Ташкент", "Tashkent"),
    ("Астана", "Astana"),
    ("Богота", "Bogotá"),
    ("Бразилиа", "Brasília"),
    ("Мехико", "Mexico City"),
    ("Лима", "Lima"),
    ("Панама", "Panama City"),
    ("Кингстон", "Kingston"),
    ("Женева", "Geneva"),
    ("Вена", "Vienna"),
    ("Нью-Йорк", "New York"),
]

PUBLISHERS = [
    ("Контртеррористический центр ООН", "United Nations Counter-Terrorism Centre"),
    (
        "Управление ООН по наркотикам и преступности",
        "United Nations Office on Drugs and Crime",
    ),
    ("Институт исследований безопасности", "Institute for Security Studies"),
    ("Глобальный контртеррористический форум", "Global Counterterrorism Forum"),
    ("Группа разработки финансовых мер", "Financial Action Task Force"),
    (
        "Межрегиональный научно-исследовательский институт ООН",
        "United Nations Interregional Crime and Justice Research Institute",
    ),
    ("Африканский союз", "African Union"),
    ("Лига арабских государств", "League of Arab States"),
]

# Sentences with slots: {topic}, {audience}, {city}, {partner}, {year}, {n}.
SENTENCES = [
    (
        "Документ обобщает опыт государств в области {topic} и предлагает конкретные шаги.",
        "The document brings together states' experience in {topic} and proposes concrete steps.",
    ),
    (
        "Материал подготовлен {audience} с участием экспертов из {n} стран.",
        "The material was prepared {audience} with experts from {n} countries.",
    ),
    (
        "Участники обсудили вопросы {topic}, обменялись практикой и наметили совместные меры.",
        "Participants discussed {topic}, exchanged practice and agreed on joint measures.",
    ),
    (
        "Встреча прошла в городе {city} в {year} году при поддержке Контртеррористического центра ООН.",
        "The meeting took place in {city} in {year} with the support of the UN Counter-Terrorism Centre.",
    ),
    (
        "Особое внимание уделено соблюдению прав человека и гендерному равенству.",
        "Particular attention is given to human rights and gender equality.",
    ),
    (
        "Партнер {partner} поделился методиками, которые уже применяются в его стране.",
        "The partner {partner} shared methods already in use in its country.",
    ),
    (
        "В приложениях приведены типовые формы, контрольные перечни и примеры из судебной практики.",
        "Annexes contain model forms, checklists and examples from case law.",
    ),
    (
        "Рекомендации основаны на результатах {n} национальных консультаций.",
        "The recommendations build on the results of {n} national consultations.",
    ),
    (
        "Обмен опытом между странами Юга позволяет адаптировать решения к местным условиям.",
        "Exchange between countries of the South lets solutions be adapted to local conditions.",
    ),
    (
        "Курс сочетает лекции, разбор реальных дел и практические упражнения.",
        "The course combines lectures, real case studies and practical exercises.",
    ),
    (
        "Итоговый доклад направлен национальным координаторам и партнерам программы.",
        "The final report was sent to national focal points and programme partners.",
    ),
    (
        "Материал доступен на русском и английском языках.",
        "The material is available in Russian and English.",
    ),
]

PHOTO_CAPTIONS = [
    ("Участники семинара", "Workshop participants"),
    ("Открытие учебного курса", "Opening of the training course"),
    ("Практическое занятие", "A practical exercise"),
    ("Работа в группах", "Group work"),
    ("Вручение сертификатов", "Handing over certificates"),
    ("Посещение пограничного пункта", "Visit to a border crossing"),
]


def text(
    rng: random.Random,
    count: int,
    topic: Pair,
    *,
    partner: Callable[[], Pair],
    html: bool = False,
) -> Pair:
    """``count`` sentences on ``topic`` in both languages (two paragraphs if html)."""
    context = {
        "topic": topic,
        "audience": rng.choice(AUDIENCES[:-1]),
        "city": rng.choice(CITIES),
        "partner": partner(),
    }
    number, year = str(rng.randint(3, 40)), str(rng.randint(2015, 2026))
    parts: list[list[str]] = [[], []]
    for _ in range(count):
        template = rng.choice(SENTENCES)
        for lang in (0, 1):
            values = {key: pair[lang] for key, pair in context.items()}
            parts[lang].append(template[lang].format(**values, n=number, year=year))
    if not html:
        return " ".join(parts[0]), " ".join(parts[1])
    half = max(1, count // 2)
    ru, en = (f"<p>{' '.join(p[:half])}</p><p>{' '.join(p[half:])}</p>" for p in parts)
    return ru, en


def resource_title(rng: random.Random, topic: Pair) -> Pair:
    doc = rng.choice(DOCUMENT_TYPES)
    audience = rng.choice(AUDIENCES)
    if rng.random() < 0.3:
        # Some titles lead with the subject, so A-Z order is not one long run.
        subject = topic[1][0].upper() + topic[1][1:]
        ru = f"Вопросы {topic[0]}: {doc[0].lower()} {audience[0]}"
        en = f"{subject}: {doc[1].lower()} {audience[1]}"
    else:
        ru = f"{doc[0]} по вопросам {topic[0]} {audience[0]}"
        en = f"{doc[1]} on {topic[1]} {audience[1]}"
    ru, en = ru.strip(), en.strip()
    if rng.random() < 0.5:
        subtitle = rng.choice(SUBTITLES)
        ru, en = f"{ru}: {subtitle[0]}", f"{en}: {subtitle[1]}"
    if rng.random() < 0.4:
        number = rng.randint(1, 120)
        ru, en = f"{ru}, выпуск {number}", f"{en}, issue {number}"
    return ru, en
