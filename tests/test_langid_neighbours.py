"""Product sentences in a neighbour of the page language, written for session 15 (not taken from
any corpus): each is rejected and named right by the fast models and the words, without the accurate
model, which a pre-commit run would otherwise load (issue 18: 0.4-0.6 s of the 0.8 s budget)."""

import pytest

from listing_lint.langid.judge import Judge

NEIGHBOURS = {
 ("es", "pt"): ["A lâmpada liga-se sozinha quando escurece e desliga-se de manhã.",
   "Inclui um carregador rápido e um cabo trançado de dois metros.",
   "A bateria dura até oito horas com uma única carga completa.",
   "O tecido é macio, respirável e pode ser lavado na máquina.",
   "Recomendamos limpar o filtro uma vez por mês com água morna.",
   "A garrafa mantém as bebidas frias durante vinte e quatro horas.",
   "O tamanho é menor do que o normal, escolha um número acima.",
   "Enviamos em embalagem reforçada para evitar danos no transporte.",
   "O suporte magnético segura o telemóvel mesmo em estradas irregulares.",
   "A tampa fecha bem e não deixa escapar nenhum cheiro."],
 ("es", "ca"): ["El llum s'encén sol quan es fa fosc i s'apaga al matí.",
   "Inclou un carregador ràpid i un cable trenat de dos metres.",
   "La bateria dura fins a vuit hores amb una sola càrrega completa.",
   "El teixit és suau, transpirable i es pot rentar a la rentadora.",
   "Us recomanem netejar el filtre un cop al mes amb aigua tèbia.",
   "L'ampolla manté les begudes fredes durant vint-i-quatre hores.",
   "La talla és més petita del normal, trieu un número més.",
   "Enviem en un embalatge reforçat per evitar danys durant el transport.",
   "El suport magnètic subjecta el mòbil fins i tot en carreteres irregulars.",
   "La tapa tanca bé i no deixa escapar cap olor."],
 ("es", "it"): ["La lampada si accende da sola quando fa buio e si spegne al mattino.",
   "Include un caricatore rapido e un cavo intrecciato di due metri.",
   "La batteria dura fino a otto ore con una sola carica completa.",
   "Il tessuto è morbido, traspirante e si può lavare in lavatrice.",
   "La bottiglia mantiene le bevande fredde per ventiquattro ore."],
 ("ru", "uk"): ["Лампа вмикається сама, коли темніє, і вимикається вранці.",
   "У комплекті швидкий зарядний пристрій і плетений кабель на два метри.",
   "Акумулятор працює до восьми годин від одного повного заряду.",
   "Тканина м'яка, дихає і її можна прати в пральній машині.",
   "Пляшка зберігає напої холодними протягом двадцяти чотирьох годин."],
 ("ru", "bg"): ["Лампата се включва сама, когато се стъмни, и се изключва сутрин.",
   "Включва бързо зарядно и плетен кабел с дължина два метра.",
   "Батерията издържа до осем часа с едно пълно зареждане.",
   "Платът е мек, диша и може да се пере в пералня.",
   "Бутилката запазва напитките студени в продължение на двадесет и четири часа."],
 ("fr", "es"): ["La lámpara se enciende sola cuando oscurece y se apaga por la mañana.",
   "Incluye un cargador rápido y un cable trenzado de dos metros."],
 ("fr", "ca"): ["La bateria dura fins a vuit hores amb una sola càrrega completa.",
   "Us recomanem netejar el filtre un cop al mes amb aigua tèbia."],
 ("en", "es"): ["La batería dura hasta ocho horas con una sola carga completa.",
   "Recomendamos limpiar el filtro una vez al mes con agua tibia."],
}


@pytest.mark.parametrize(("page", "lang"), sorted(NEIGHBOURS))
def test_neighbour_sentences_are_rejected_and_named_without_the_accurate_model(page, lang):
    judge = Judge("lingua")
    for sentence in NEIGHBOURS[(page, lang)]:
        verdict = judge.judge(sentence, page)
        assert (verdict.accepted, verdict.lang) == (False, lang), (sentence, verdict)
    assert judge.stats()["accurate"] == 0


#: the same product copy in the page language: accepted (the near miss of the test above)
OWN = {
    "es": ["La lámpara se enciende sola cuando oscurece y se apaga por la mañana.",
           "La batería dura hasta ocho horas con una sola carga completa.",
           "El tejido es suave, transpirable y se puede lavar en la lavadora.",
           "La botella mantiene las bebidas frías durante veinticuatro horas.",
           "La tapa cierra bien y no deja escapar ningún olor."],
    "ru": ["Лампа включается сама, когда темнеет, и выключается утром.",
           "Аккумулятор работает до восьми часов от одной полной зарядки.",
           "Ткань мягкая, дышит, и её можно стирать в стиральной машине.",
           "Бутылка сохраняет напитки холодными в течение двадцати четырёх часов."],
}


@pytest.mark.parametrize("page", sorted(OWN))
def test_near_miss_the_same_copy_in_the_page_language_is_accepted(page):
    judge = Judge("lingua")
    for sentence in OWN[page]:
        verdict = judge.judge(sentence, page)
        assert verdict.accepted, (sentence, verdict)
