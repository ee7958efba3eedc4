"""Per-language word lists the bench generator composes unique sentences from (``--content unique``).

Each language has five slots of sixteen phrases written natively: subject (third person
singular), verb (present tense), object (in the case the verb takes), place and time. Any choice
from each slot makes a grammatical sentence ("The quiet fan cools the bedside table in the garage
on rainy weekends."), so combining them gives 16^5 = 1,048,576 distinct sentences per language
and 2 × 16^4 = 131,072 distinct short phrases (subject, verb, object and place or time): real
words in real word order, which language detection judges as it judges real copy, not random
letters. The sentences carry no digits, brands or model codes, so they stay distinct after the
neutral-token stripping the LOC rules do.
"""

SLOTS = {
    "en": (
        ["The new lamp", "This compact charger", "Our garden reel", "The smart socket", "The sturdy holder",
         "The quiet fan", "This outdoor light", "The small sensor", "Each spare cable", "The wall bracket",
         "The travel adapter", "This desk organiser", "The kitchen timer", "The solar lantern", "The folding stand",
         "The metal hook"],
        ["keeps", "protects", "holds", "lights", "charges", "supports", "cleans", "guides", "warms", "cools",
         "tracks", "powers", "shields", "steadies", "connects", "organises"],
        ["your tools", "the whole room", "two phones at once", "the morning coffee", "the garden path",
         "small screws and clips", "the bedside table", "a laptop and a tablet", "the front door",
         "the hallway shelf", "fresh herbs", "the bicycle lights", "the children's books", "the camping gear",
         "the family photos", "the work bench"],
        ["in the kitchen", "on the balcony", "in a small flat", "beside the sofa", "in the garage", "on a busy desk",
         "in the caravan", "near the window", "under the stairs", "on the terrace", "in the workshop", "by the bed",
         "in the car", "at the cottage", "in the office", "on the patio"],
        ["every single day", "through the winter", "during long evenings", "on rainy weekends", "while you sleep",
         "from dawn to dusk", "all summer long", "when guests arrive", "after a long trip", "before breakfast",
         "in any season", "for many years", "without any fuss", "whenever you need it", "during the holidays",
         "on cold mornings"],
    ),
    "es": (
        ["La nueva lámpara", "Este cargador compacto", "Nuestro carrete de jardín", "El enchufe inteligente",
         "El soporte resistente", "El ventilador silencioso", "Esta luz de exterior", "El pequeño sensor",
         "Cada cable de repuesto", "El soporte de pared", "El adaptador de viaje", "Este organizador de escritorio",
         "El temporizador de cocina", "El farol solar", "El atril plegable", "El gancho metálico"],
        ["mantiene en orden", "protege", "sostiene", "ilumina", "carga", "acompaña", "limpia", "guía", "calienta",
         "refresca", "vigila", "alimenta", "resguarda", "estabiliza", "conecta", "organiza"],
        ["tus herramientas", "toda la habitación", "dos teléfonos a la vez", "el café de la mañana",
         "el camino del jardín", "los tornillos y las pinzas", "la mesita de noche", "el portátil y la tableta",
         "la puerta principal", "la estantería del pasillo", "las hierbas frescas", "las luces de la bicicleta",
         "los libros de los niños", "el equipo de acampada", "las fotos de familia", "el banco de trabajo"],
        ["en la cocina", "en el balcón", "en un piso pequeño", "junto al sofá", "en el garaje",
         "sobre un escritorio lleno", "en la caravana", "cerca de la ventana", "debajo de la escalera",
         "en la terraza", "en el taller", "al lado de la cama", "en el coche", "en la casa de campo",
         "en la oficina", "en el patio"],
        ["todos los días", "durante el invierno", "en las tardes largas", "los fines de semana lluviosos",
         "mientras duermes", "desde el amanecer hasta el anochecer", "durante todo el verano",
         "cuando llegan los invitados", "después de un viaje largo", "antes del desayuno", "en cualquier estación",
         "durante muchos años", "sin ninguna complicación", "siempre que lo necesites", "durante las vacaciones",
         "en las mañanas frías"],
    ),
    "fr": (
        ["La nouvelle lampe", "Ce chargeur compact", "Notre dévidoir de jardin", "La prise connectée",
         "Le support robuste", "Le ventilateur silencieux", "Cette lumière d'extérieur", "Le petit capteur",
         "Chaque câble de rechange", "Le support mural", "L'adaptateur de voyage", "Cet organiseur de bureau",
         "La minuterie de cuisine", "La lanterne solaire", "Le pupitre pliant", "Le crochet métallique"],
        ["range", "protège", "tient", "éclaire", "recharge", "accompagne", "nettoie", "guide", "réchauffe",
         "rafraîchit", "surveille", "alimente", "abrite", "stabilise", "relie", "organise"],
        ["vos outils", "toute la pièce", "deux téléphones à la fois", "le café du matin", "l'allée du jardin",
         "les vis et les pinces", "la table de chevet", "l'ordinateur portable et la tablette", "la porte d'entrée",
         "l'étagère du couloir", "les herbes fraîches", "les feux du vélo", "les livres des enfants",
         "le matériel de camping", "les photos de famille", "l'établi de l'atelier"],
        ["dans la cuisine", "sur le balcon", "dans un petit appartement", "à côté du canapé", "dans le garage",
         "sur un bureau encombré", "dans la caravane", "près de la fenêtre", "sous l'escalier", "sur la terrasse",
         "dans l'atelier", "près du lit", "dans la voiture", "à la maison de campagne", "au bureau", "dans la cour"],
        ["chaque jour", "pendant tout l'hiver", "lors des longues soirées", "les week-ends pluvieux",
         "pendant que vous dormez", "de l'aube au crépuscule", "tout l'été", "quand les invités arrivent",
         "après un long voyage", "avant le petit déjeuner", "en toute saison", "pendant de nombreuses années",
         "sans aucune difficulté", "dès que vous en avez besoin", "pendant les vacances", "par les matins froids"],
    ),
    "ru": (
        ["Новая лампа", "Этот компактный блок питания", "Наша садовая катушка", "Умная розетка", "Прочный держатель",
         "Тихий вентилятор", "Этот уличный фонарь", "Маленький датчик", "Каждый запасной кабель",
         "Настенный кронштейн", "Дорожный адаптер", "Этот настольный органайзер", "Кухонный таймер",
         "Солнечный светильник", "Складная подставка", "Металлический крючок"],
        ["бережёт", "защищает", "держит", "освещает", "заряжает", "поддерживает", "очищает", "направляет",
         "согревает", "охлаждает", "отслеживает", "питает", "укрывает", "выравнивает", "соединяет", "упорядочивает"],
        ["ваши инструменты", "всю комнату", "сразу два телефона", "утренний кофе", "садовую дорожку",
         "мелкие винты и зажимы", "прикроватную тумбочку", "ноутбук и планшет", "входную дверь",
         "полку в прихожей", "свежую зелень", "велосипедные фонари", "детские книги", "туристическое снаряжение",
         "семейные фотографии", "рабочий верстак"],
        ["на кухне", "на балконе", "в маленькой квартире", "рядом с диваном", "в гараже", "на загруженном столе",
         "в автодоме", "у окна", "под лестницей", "на террасе", "в мастерской", "возле кровати", "в машине",
         "на даче", "в офисе", "во дворе"],
        ["каждый день", "всю зиму", "долгими вечерами", "в дождливые выходные", "пока вы спите",
         "от рассвета до заката", "всё лето", "когда приходят гости", "после долгой поездки", "перед завтраком",
         "в любое время года", "много лет подряд", "без лишних хлопот", "когда это нужно", "во время отпуска",
         "холодным утром"],
    ),
}

RADIX = 16
SENTENCES = RADIX**5  # distinct sentences per language
PHRASES = 2 * RADIX**4  # distinct short phrases per language
_MIX = 0x9E3779B1  # odd: multiplying by it permutes 0 .. 2^k - 1, so neighbouring numbers give unrelated texts


def _digits(n: int, count: int) -> list[int]:
    out = []
    for _ in range(count):
        n, d = divmod(n, RADIX)
        out.append(d)
    return out


def sentence(locale: str, n: int) -> str:
    """The ``n``-th sentence of ``locale`` (0 <= n < SENTENCES): distinct ``n``, distinct sentence."""
    slots = SLOTS[locale]
    picks = _digits((n * _MIX) % SENTENCES, 5)
    return " ".join(slot[d] for slot, d in zip(slots, picks)) + "."


def phrase(locale: str, n: int) -> str:
    """The ``n``-th short phrase (subject, verb, object, then place or time; 0 <= n < PHRASES)."""
    slots = SLOTS[locale]
    half, n = divmod(n % PHRASES, RADIX**4)
    picks = _digits((n * _MIX) % RADIX**4, 4)
    last = slots[4] if half else slots[3]
    return " ".join(s[d] for s, d in zip((*slots[:3], last), picks))
