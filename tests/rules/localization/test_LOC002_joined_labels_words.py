"""LOC002 on a page of short labels judged joined (session 17: Reaction Commerce's storefront). A
correct Spanish page of order states and cart labels ("Procesando", "Artículos en el carrito", "No se
han encontrado pedidos") was "100% Portuguese": joined as one text, the accurate pass gave it to
Portuguese (0.82 against the neighbours; 0.99 once one English label was among them), though its
words lead Spanish by e^53 over Portuguese, Catalan and Italian. A page's labels judged together are
now called a neighbour only when their words do not keep the page language. The Portuguese page of
the same labels (Reaction's own pt catalogue) is still called Portuguese. Exact lines."""

from builder import lint

from loc_pages import doc, full

#: Reaction Commerce 1.16.0, private/data/i18n/es.json (core.order, core.cartSubTotals), GPL-3.0
SPANISH = ("Nuevo", "Creado", "Procesando", "Completado", "Cancelado", "Escogido", "Lleno", "Etiquetado",
           "Enviado", "Descuento", "Tu carrito", "Artículos en el carrito", "Subtotal", "Envío", "Impuesto",
           "Total", "izquierda", "Referencia", "Cancelar", "Factura", "No se han encontrado pedidos",
           "Aprobar", "Cancelar orden", "Hacer ajustes", "Registrar pago")
#: the same keys in its pt.json
PORTUGUESE = ("Novo", "Criado", "A processar", "Concluído", "Cancelado", "Escolhido", "embalado", "Rotulado",
              "Enviado", "Desconto", "O seu carrinho", "Itens no carrinho", "Subtotal", "Envio", "Imposto",
              "Total", "esquerda", "Referência", "Cancelar", "Fatura", "Nenhuma encomenda encontrada",
              "Aprovar", "Cancelar pedido", "Efetuar ajustes", "Capturar o pagamento")


def labels(lang: str, texts) -> str:
    return doc(lang, "<ul>\n" + "\n".join(f"<li>{t}</li>" for t in texts) + "\n</ul>")


def test_a_spanish_page_of_labels_is_not_called_portuguese(bundle, tmp_path):
    full(bundle, es=labels("es", SPANISH))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == []


def test_one_english_label_among_them_is_one_block_not_a_portuguese_page(bundle, tmp_path):
    texts = list(SPANISH)
    texts[11] = "Items in cart"  # line 3 + 1 + 11
    full(bundle, es=labels("es", texts))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == [("listings/demo/detail/es.html", 15, "LOC003")]


def test_near_miss_the_portuguese_labels_in_the_spanish_slot_are_still_a_portuguese_page(bundle, tmp_path):
    full(bundle, es=labels("es", PORTUGUESE))
    bundle.write()
    assert lint(tmp_path, select=["LOC002", "LOC003"]) == [("listings/demo/detail/es.html", 2, "LOC002")]
