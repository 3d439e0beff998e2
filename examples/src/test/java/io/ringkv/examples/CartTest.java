package io.ringkv.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CartTest {

    @Test
    void should_encode_items_sorted_one_per_line() {
        Cart cart = Cart.of("pears", "apples", "plums");

        assertThat(new String(cart.encode(), StandardCharsets.UTF_8)).isEqualTo("apples\npears\nplums");
    }

    @Test
    void should_decode_what_it_encodes() {
        Cart cart = Cart.of("book", "lamp", "tea pot", "café");

        assertThat(Cart.decode(cart.encode())).isEqualTo(cart);
    }

    @Test
    void should_decode_an_empty_value_as_the_empty_cart() {
        assertThat(Cart.decode(new byte[0])).isEqualTo(Cart.EMPTY);
        assertThat(Cart.EMPTY.encode()).isEmpty();
    }

    @Test
    void should_ignore_blank_lines_when_decoding() {
        Cart cart = Cart.decode("lamp\n\n  \nbook\n".getBytes(StandardCharsets.UTF_8));

        assertThat(cart.items()).containsExactly("book", "lamp");
    }

    @Test
    void should_add_an_item_without_changing_the_original() {
        Cart original = Cart.of("book");

        Cart changed = original.with("lamp");

        assertThat(changed.items()).containsExactly("book", "lamp");
        assertThat(original.items()).containsExactly("book");
    }

    @Test
    void should_reject_items_that_would_break_the_encoding() {
        assertThatThrownBy(() -> Cart.of("two\nlines")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cart.of("carriage\rreturn")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cart.EMPTY.with(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_not_let_callers_change_the_items() {
        Cart cart = Cart.of("book");

        assertThatThrownBy(() -> cart.items().add("lamp")).isInstanceOf(UnsupportedOperationException.class);
    }
}
