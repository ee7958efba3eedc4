"""Sentences the bench generator builds detail pages from, one bank per required locale.

Plain product copy of the kind a seller writes for a home, garden or electronics accessory,
written natively in each language (not machine output), so language detection works on it as it
would on a real page. The generator combines these at random (seeded), so 1,000 bundles do not
repeat one page.
"""

SENTENCES = {
    "en": [
        "This smart plug switches lamps, fans and coffee makers on a schedule you set in the app.",
        "The housing is made of flame-retardant polycarbonate and stays cool under a full load.",
        "Pair it with your home network in under a minute; no hub or extra subscription is needed.",
        "A built-in energy meter shows how much power each device uses per day, week and month.",
        "The garden hose reel holds twenty metres of hose and rolls it back up without kinks.",
        "Every unit is tested at the factory before it is packed and shipped from our warehouse.",
        "Clean the surface with a dry cloth; do not use solvents or immerse the device in water.",
        "The charging cable is braided nylon and survives more than ten thousand bends.",
        "Mount the bracket on a wall or a fence post with the two screws included in the box.",
        "The light sensor turns the lamp on at dusk and off again at dawn, all year round.",
        "Our support team answers questions in English, Spanish, French and Russian every day.",
        "The battery lasts a full season on one charge and shows its level on the display.",
        "Keep the product out of direct sunlight when it is not in use to extend its life.",
        "The compact design fits behind furniture and leaves the second socket free.",
        "Order today and the parcel leaves our local warehouse within two working days.",
        "The rubber feet keep the base steady on tiles, wood and even wet stone floors.",
    ],
    "es": [
        "Este enchufe inteligente enciende lámparas, ventiladores y cafeteras según el horario que elijas en la aplicación.",
        "La carcasa es de policarbonato ignífugo y se mantiene fría incluso con la carga máxima.",
        "Conéctalo a la red de tu casa en menos de un minuto; no necesitas ningún concentrador ni suscripción.",
        "El medidor de energía integrado muestra cuánto consume cada aparato por día, semana y mes.",
        "El carrete para manguera del jardín guarda veinte metros de manguera y la enrolla sin que se doble.",
        "Cada unidad se prueba en la fábrica antes de embalarla y enviarla desde nuestro almacén.",
        "Limpia la superficie con un paño seco; no uses disolventes ni sumerjas el aparato en agua.",
        "El cable de carga está trenzado en nailon y aguanta más de diez mil dobleces.",
        "Fija el soporte en una pared o en un poste de la valla con los dos tornillos incluidos en la caja.",
        "El sensor de luz enciende la lámpara al anochecer y la apaga al amanecer durante todo el año.",
        "Nuestro equipo de atención responde preguntas en inglés, español, francés y ruso todos los días.",
        "La batería dura una temporada completa con una sola carga y muestra su nivel en la pantalla.",
        "Guarda el producto lejos de la luz directa del sol cuando no lo uses para alargar su vida útil.",
        "Su diseño compacto cabe detrás de los muebles y deja libre el segundo enchufe.",
        "Haz tu pedido hoy y el paquete sale de nuestro almacén local en dos días laborables.",
        "Las patas de goma mantienen la base firme sobre baldosas, madera e incluso piedra mojada.",
    ],
    "fr": [
        "Cette prise connectée allume lampes, ventilateurs et cafetières selon l'horaire que vous choisissez dans l'application.",
        "Le boîtier est en polycarbonate ignifugé et reste froid même à pleine charge.",
        "Associez-la à votre réseau domestique en moins d'une minute ; aucun pont ni abonnement n'est nécessaire.",
        "Le compteur d'énergie intégré indique la consommation de chaque appareil par jour, par semaine et par mois.",
        "Le dévidoir de jardin contient vingt mètres de tuyau et l'enroule sans le plier.",
        "Chaque appareil est contrôlé en usine avant d'être emballé et expédié depuis notre entrepôt.",
        "Nettoyez la surface avec un chiffon sec ; n'utilisez pas de solvant et ne plongez pas l'appareil dans l'eau.",
        "Le câble de charge est gainé de nylon tressé et résiste à plus de dix mille pliages.",
        "Fixez le support sur un mur ou un poteau de clôture avec les deux vis fournies dans la boîte.",
        "Le capteur de lumière allume la lampe au crépuscule et l'éteint à l'aube, toute l'année.",
        "Notre service client répond aux questions en anglais, espagnol, français et russe tous les jours.",
        "La batterie tient une saison entière avec une seule charge et affiche son niveau à l'écran.",
        "Rangez le produit à l'abri du soleil lorsque vous ne l'utilisez pas afin de prolonger sa durée de vie.",
        "Son format compact se glisse derrière les meubles et laisse la seconde prise libre.",
        "Commandez aujourd'hui et le colis quitte notre entrepôt local sous deux jours ouvrés.",
        "Les pieds en caoutchouc maintiennent la base stable sur le carrelage, le bois et même la pierre mouillée.",
    ],
    "ru": [
        "Эта умная розетка включает лампы, вентиляторы и кофеварки по расписанию, которое вы задаёте в приложении.",
        "Корпус сделан из негорючего поликарбоната и не нагревается даже при полной нагрузке.",
        "Подключите её к домашней сети меньше чем за минуту: ни шлюз, ни подписка не нужны.",
        "Встроенный счётчик энергии показывает, сколько потребляет каждый прибор за день, неделю и месяц.",
        "Катушка для садового шланга вмещает двадцать метров шланга и сматывает его без перегибов.",
        "Каждое устройство проверяют на заводе, прежде чем упаковать и отправить с нашего склада.",
        "Протирайте поверхность сухой тканью; не используйте растворители и не погружайте прибор в воду.",
        "Кабель для зарядки в нейлоновой оплётке выдерживает более десяти тысяч изгибов.",
        "Закрепите кронштейн на стене или столбе забора двумя винтами, которые лежат в коробке.",
        "Датчик освещённости включает лампу в сумерках и выключает её на рассвете круглый год.",
        "Наша служба поддержки каждый день отвечает на вопросы на английском, испанском, французском и русском.",
        "Аккумулятора хватает на целый сезон от одной зарядки, а его уровень видно на экране.",
        "Храните изделие вдали от прямых солнечных лучей, когда не пользуетесь им, чтобы продлить срок службы.",
        "Компактный корпус помещается за мебелью и оставляет вторую розетку свободной.",
        "Закажите сегодня, и посылка уйдёт с нашего местного склада в течение двух рабочих дней.",
        "Резиновые ножки надёжно держат основание на плитке, дереве и даже на мокром камне.",
    ],
}

#: Short phrases for headings, list items, table cells and alt text.
PHRASES = {
    "en": [
        "Quick installation", "What is in the box", "Technical details", "Safe for everyday use",
        "Weatherproof outdoor design", "Energy monitoring", "Front view of the product",
        "The product on a kitchen counter", "Detail of the connector", "Size compared with a hand",
        "Works with voice assistants", "Two-year warranty", "Rated power", "Operating temperature",
    ],
    "es": [
        "Instalación rápida", "Qué incluye la caja", "Datos técnicos", "Seguro para el uso diario",
        "Diseño resistente a la intemperie", "Control del consumo", "Vista frontal del producto",
        "El producto sobre la encimera de la cocina", "Detalle del conector", "Tamaño comparado con una mano",
        "Funciona con asistentes de voz", "Garantía de dos años", "Potencia nominal", "Temperatura de funcionamiento",
    ],
    "fr": [
        "Installation rapide", "Contenu de la boîte", "Caractéristiques techniques", "Sûr au quotidien",
        "Conception résistante aux intempéries", "Suivi de la consommation", "Vue de face du produit",
        "Le produit sur un plan de travail", "Détail du connecteur", "Taille comparée à une main",
        "Compatible avec les assistants vocaux", "Garantie de deux ans", "Puissance nominale", "Température de fonctionnement",
    ],
    "ru": [
        "Быстрая установка", "Что входит в комплект", "Технические характеристики", "Безопасно каждый день",
        "Защита от непогоды", "Учёт расхода энергии", "Вид изделия спереди",
        "Изделие на кухонном столе", "Разъём крупным планом", "Размер в сравнении с ладонью",
        "Работает с голосовыми помощниками", "Гарантия два года", "Номинальная мощность", "Рабочая температура",
    ],
}

TITLES = {
    "en": "{brand} {noun} {model}, {feature}",
    "es": "{brand} {noun} {model}, {feature}",
    "fr": "{brand} {noun} {model}, {feature}",
    "ru": "{brand} {noun} {model}, {feature}",
}

NOUNS = {
    "en": ["smart plug", "garden hose reel", "LED desk lamp", "USB-C charger", "car phone holder"],
    "es": ["enchufe inteligente", "carrete para manguera", "lámpara LED de escritorio", "cargador USB-C", "soporte de móvil para coche"],
    "fr": ["prise connectée", "dévidoir de jardin", "lampe de bureau LED", "chargeur USB-C", "support de téléphone pour voiture"],
    "ru": ["умная розетка", "катушка для шланга", "настольная LED-лампа", "зарядное устройство USB-C", "автомобильный держатель телефона"],
}

FEATURES = {
    "en": ["with energy meter", "for home and garden", "with timer and app control", "fast charging"],
    "es": ["con medidor de energía", "para casa y jardín", "con temporizador y control por app", "carga rápida"],
    "fr": ["avec compteur d'énergie", "pour la maison et le jardin", "avec minuterie et application", "charge rapide"],
    "ru": ["со счётчиком энергии", "для дома и сада", "с таймером и приложением", "быстрая зарядка"],
}
