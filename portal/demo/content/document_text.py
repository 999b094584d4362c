"""Prose for the generated PDF documents, beyond each resource's own summary.

A document is its resource's title page, summary and description, then an
introduction by kind, background sections for its themes and a closing note.
"""

from . import BSM, CI, CJ, COM, CTF, CYB, FTF, GEN, HR, NCS, PVE, VOT, YTH

HEADINGS = {
    "summary": ("Краткое содержание", "Summary"),
    "about": ("О документе", "About this document"),
    "background": ("Тематический контекст", "Thematic background"),
    "programme": (
        "О программе сотрудничества Юг — Юг",
        "About the South-South programme",
    ),
    "contents": ("Содержание", "Contents"),
}

TITLE_PAGE = {
    "programme": (
        "Программа сотрудничества Юг — Юг в противодействии терроризму",
        "South-South Cooperation Programme on Counter-Terrorism",
    ),
    "publisher": ("Издатель", "Publisher"),
    "date": ("Дата", "Date"),
    "kind": ("Вид ресурса", "Type of resource"),
    "notice": (
        "Демонстрационный документ портала. Организации названы для примера; "
        "события, цифры и выводы вымышлены.",
        "A demonstration document of the portal. Organisations are named as "
        "examples; the events, figures and findings are fictional.",
    ),
    "page": ("Стр.", "Page"),
}

KIND_LABELS = {
    "publication": ("Публикация", "Publication"),
    "toolkit": ("Руководство или методическое пособие", "Handbook or toolkit"),
    "good_practice": ("Передовая практика", "Good practice"),
    "training": ("Учебный материал", "Training material"),
    "legal": ("Правовой документ", "Legal instrument"),
}

KIND_INTRO = {
    "publication": (
        [
            "Эта публикация подготовлена в рамках программы сотрудничества Юг — Юг "
            "и обобщает опыт, которым обменивались ее участники. Она адресована "
            "руководителям и специалистам государственных органов, сотрудникам "
            "международных организаций и исследователям.",
            "Выводы публикации основаны на материалах мероприятий, интервью с "
            "участниками и данных, которые предоставили партнеры. Цифры округлены, "
            "а названия отдельных учреждений опущены по их просьбе.",
        ],
        [
            "This publication was prepared under the South-South cooperation "
            "programme and draws together the experience its participants "
            "exchanged. It is written for managers and specialists in public "
            "authorities, staff of international organisations and researchers.",
            "Its findings rest on material from the activities, interviews with "
            "participants and data provided by partners. Figures are rounded, and "
            "some institutions are not named at their request.",
        ],
    ),
    "toolkit": (
        [
            "Руководство рассчитано на практическое применение. Его разделы можно "
            "читать по отдельности: каждый начинается с краткого описания задачи и "
            "заканчивается списком вопросов для самопроверки.",
            "Образцы документов в приложениях можно свободно изменять под "
            "национальное законодательство и порядок работы ведомства.",
        ],
        [
            "The guide is meant for practical use. Its sections can be read on their "
            "own: each opens with a short description of the task and closes with a "
            "list of questions for self-assessment.",
            "The sample documents in the annexes may be freely adapted to national "
            "law and to the way each agency works.",
        ],
    ),
    "good_practice": (
        [
            "Описание практики следует единой схеме программы: контекст, решение, "
            "ресурсы, результаты, трудности и условия, при которых практику можно "
            "перенести в другую страну.",
            "Практика отобрана потому, что ее уже применили хотя бы в одной стране, "
            "помимо страны происхождения, и результаты этого переноса известны.",
        ],
        [
            "The practice is described in the programme's standard way: context, "
            "solution, resources, results, difficulties and the conditions under "
            "which it can be transferred to another country.",
            "It was selected because it has already been used in at least one "
            "country besides its country of origin, and the results of that "
            "transfer are known.",
        ],
    ),
    "training": (
        [
            "Учебный материал предназначен для преподавателей и ведущих занятий. "
            "Он содержит цели занятия, рекомендуемое время, задания для участников "
            "и указания для ведущего.",
            "Перед использованием материала рекомендуется адаптировать примеры к "
            "местным условиям и проверить, соответствуют ли они действующему "
            "законодательству.",
        ],
        [
            "This training material is for trainers and facilitators. It sets out "
            "the learning objectives, the suggested timing, exercises for "
            "participants and notes for the facilitator.",
            "Before using it, adapt the examples to local conditions and check "
            "that they are consistent with the law in force.",
        ],
    ),
    "legal": (
        [
            "Этот правовой материал носит справочный характер и не является "
            "официальным толкованием международных договоров. При подготовке "
            "законопроектов следует руководствоваться официальными текстами.",
            "Примеры национального законодательства приведены в сокращенном виде и "
            "могут не отражать последних изменений.",
        ],
        [
            "This legal material is for reference and is not an official "
            "interpretation of international treaties. Drafters of legislation "
            "should rely on the official texts.",
            "Examples of national legislation are abridged and may not reflect the "
            "latest amendments.",
        ],
    ),
}

THEME_BACKGROUND = {
    PVE: (
        [
            "Предупреждение насильственного экстремизма опирается на понимание "
            "местных причин: безработицы, несправедливости, отсутствия доверия к "
            "власти. Меры безопасности без работы с этими причинами дают "
            "кратковременный эффект.",
            "Страны Юга накопили разнообразный опыт профилактики на уровне общин — "
            "от комитетов с участием религиозных лидеров до школьных программ.",
        ],
        [
            "Preventing violent extremism depends on understanding local drivers: "
            "unemployment, injustice and a lack of trust in the authorities. "
            "Security measures that ignore these drivers have only a short-lived "
            "effect.",
            "Countries of the South have built up varied experience of community "
            "prevention, from committees with faith leaders to school programmes.",
        ],
    ),
    CTF: (
        [
            "Противодействие финансированию терроризма требует сотрудничества "
            "подразделений финансовой разведки, банков, операторов платежей и "
            "правоохранительных органов внутри страны и за ее пределами.",
            "Новые платежные технологии расширяют доступ к финансовым услугам, но "
            "создают и новые риски; меры контроля должны быть соразмерны этим "
            "рискам и не мешать законной деятельности.",
        ],
        [
            "Countering the financing of terrorism requires financial intelligence "
            "units, banks, payment operators and law enforcement to work together, "
            "at home and across borders.",
            "New payment technologies widen access to financial services but also "
            "create new risks; controls must be proportionate to those risks and "
            "must not get in the way of legitimate activity.",
        ],
    ),
    BSM: (
        [
            "Комплексное управление границами сочетает проверку документов, анализ "
            "данных о пассажирах и сотрудничество соседних государств. "
            "Протяженные сухопутные и морские границы требуют особых решений.",
            "Обмен опытом между пограничными службами помогает быстрее внедрять "
            "проверенные процедуры и подключаться к международным базам данных.",
        ],
        [
            "Integrated border management combines document checks, passenger data "
            "analysis and cooperation between neighbouring states. Long land and "
            "sea borders call for particular solutions.",
            "Exchanges between border services help them adopt proven procedures "
            "faster and connect to international databases.",
        ],
    ),
    CJ: (
        [
            "Эффективное уголовное правосудие по делам о терроризме опирается на "
            "четкое законодательство, подготовленных следователей, прокуроров и "
            "судей и соблюдение права на справедливое судебное разбирательство.",
            "Международное сотрудничество по уголовным делам — взаимная правовая "
            "помощь и выдача — остается одной из самых востребованных тем "
            "обмена опытом.",
        ],
        [
            "Effective criminal justice in terrorism cases rests on clear "
            "legislation, well-trained investigators, prosecutors and judges, and "
            "respect for the right to a fair trial.",
            "International cooperation in criminal matters, mutual legal assistance "
            "and extradition remain among the subjects most in demand for "
            "exchanges.",
        ],
    ),
    VOT: (
        [
            "Пострадавшие от терроризма нуждаются в долгосрочной поддержке: "
            "медицинской, психологической, правовой и материальной. Их права "
            "должны быть закреплены в законе и обеспечены на практике.",
            "Ассоциации пострадавших играют важную роль: они помогают людям "
            "получить помощь и дают им голос в обсуждении государственной "
            "политики.",
        ],
        [
            "Victims of terrorism need long-term support: medical, psychological, "
            "legal and material. Their rights must be set out in law and upheld in "
            "practice.",
            "Victims' associations play an important part: they help people obtain "
            "support and give them a voice in public policy debates.",
        ],
    ),
    CYB: (
        [
            "Террористические группы используют интернет для пропаганды, вербовки "
            "и сбора средств, а критически важные системы становятся мишенью "
            "кибератак.",
            "Национальные группы реагирования на компьютерные инциденты и "
            "подготовленные следователи — основа защиты; учения помогают проверить "
            "их готовность.",
        ],
        [
            "Terrorist groups use the internet for propaganda, recruitment and "
            "fund-raising, and critical systems are becoming targets of cyber "
            "attacks.",
            "National computer incident response teams and trained investigators "
            "are the foundation of defence; exercises help test their readiness.",
        ],
    ),
    HR: (
        [
            "Меры противодействия терроризму эффективны и законны только тогда, "
            "когда они соответствуют международному праву прав человека. "
            "Нарушения прав подрывают доверие и могут подпитывать радикализацию.",
            "Независимый надзор, судебный контроль и участие гражданского общества "
            "помогают удерживать баланс между безопасностью и свободой.",
        ],
        [
            "Counter-terrorism measures are effective and lawful only when they "
            "comply with international human rights law. Violations undermine trust "
            "and can feed radicalisation.",
            "Independent oversight, judicial review and the involvement of civil "
            "society help keep the balance between security and freedom.",
        ],
    ),
    GEN: (
        [
            "Терроризм и меры противодействия ему по-разному затрагивают женщин и "
            "мужчин. Учет этих различий делает программы точнее, а участие женщин "
            "в секторе безопасности — эффективнее.",
            "Программа стремится к тому, чтобы женщины составляли не менее трети "
            "участников мероприятий и были среди экспертов и организаторов.",
        ],
        [
            "Terrorism and the response to it affect women and men differently. "
            "Taking these differences into account makes programmes more precise, "
            "and women's participation in the security sector makes it more "
            "effective.",
            "The programme aims for women to make up at least a third of "
            "participants in its activities and to be among the experts and "
            "organisers.",
        ],
    ),
    CI: (
        [
            "Объекты критически важной инфраструктуры и места массового пребывания "
            "людей уязвимы для нападений. Их защита требует совместного "
            "планирования государства, владельцев объектов и местных общин.",
            "Опыт проведения крупных международных мероприятий дает ценные уроки "
            "координации десятков ведомств в условиях ограниченного времени.",
        ],
        [
            "Critical infrastructure and crowded places are vulnerable to attack. "
            "Protecting them requires joint planning by the state, site operators "
            "and local communities.",
            "Experience of hosting major international events offers valuable "
            "lessons in coordinating dozens of agencies under time pressure.",
        ],
    ),
    FTF: (
        [
            "Возвращение иностранных боевиков-террористов и их семей ставит перед "
            "государствами сложные задачи: уголовное преследование, реабилитацию, "
            "реинтеграцию и защиту детей.",
            "Индивидуальный подход и работа с общинами, в которые возвращаются "
            "люди, — общие черты успешных программ.",
        ],
        [
            "The return of foreign terrorist fighters and their families poses hard "
            "questions for states: prosecution, rehabilitation, reintegration and "
            "the protection of children.",
            "An individual approach and work with the communities people return to "
            "are common features of programmes that succeed.",
        ],
    ),
    COM: (
        [
            "Стратегические коммуникации помогают противостоять пропаганде "
            "насилия, предлагая достоверные альтернативные сообщения. Их "
            "результативность нужно проверять, а не предполагать.",
            "Лучшие кампании создаются вместе с той аудиторией, к которой они "
            "обращены, — прежде всего с молодежью.",
        ],
        [
            "Strategic communications help counter violent propaganda by offering "
            "credible alternative messages. Their effect must be tested, not "
            "assumed.",
            "The best campaigns are made together with the audience they address, "
            "above all with young people.",
        ],
    ),
    YTH: (
        [
            "Молодые люди — самая многочисленная группа населения во многих "
            "странах Юга. Они не только группа риска, но и главная сила "
            "профилактики в своих общинах.",
            "Программы, в которых молодежь участвует в принятии решений, "
            "оказываются устойчивее программ, созданных без ее участия.",
        ],
        [
            "Young people are the largest part of the population in many countries "
            "of the South. They are not only a group at risk but the main force for "
            "prevention in their communities.",
            "Programmes in which young people share in decisions prove more lasting "
            "than those designed without them.",
        ],
    ),
    NCS: (
        [
            "Национальная стратегия связывает усилия разных ведомств общими целями, "
            "сроками и показателями. Без регулярного мониторинга и пересмотра она "
            "быстро устаревает.",
            "Обмен опытом между странами, которые недавно разработали или "
            "обновили стратегии, позволяет избежать типичных ошибок.",
        ],
        [
            "A national strategy ties the efforts of different agencies to shared "
            "objectives, timelines and indicators. Without regular monitoring and "
            "review it soon goes out of date.",
            "Exchanges between countries that have recently drafted or updated "
            "their strategies help avoid common mistakes.",
        ],
    ),
}

PROGRAMME_NOTE = (
    [
        "Программа сотрудничества Юг — Юг Контртеррористического центра ООН "
        "помогает странам Африки, Азии, Ближнего Востока, Латинской Америки и "
        "Карибского бассейна делиться опытом противодействия терроризму как "
        "равноправным партнерам. Государства сообщают, какую экспертизу готовы "
        "предложить и какую хотят получить, а программа подбирает партнеров и "
        "организует обмен.",
        "Материалы программы публикуются на портале сотрудничества на русском и "
        "английском языках. Замечания и предложения по этому документу можно "
        "направить через постоянное представительство вашей страны.",
    ],
    [
        "The South-South cooperation programme of the United Nations "
        "Counter-Terrorism Centre helps countries of Africa, Asia, the Middle East, "
        "Latin America and the Caribbean share counter-terrorism experience as "
        "equal partners. States say which expertise they can offer and which they "
        "want to receive, and the programme matches partners and organises the "
        "exchange.",
        "The programme's materials are published on the cooperation portal in "
        "Russian and English. Comments and suggestions on this document can be "
        "sent through your country's permanent mission.",
    ],
)
