package dev.sandboxorchestrator.generator.template;

import java.util.List;
import java.util.Locale;

/** The sections a landing page can have, each chosen when the prompt mentions one of its words. */
enum Section {
    FEATURES("features", "benefits", "why"),
    HOW_IT_WORKS("how", "steps", "process", "subscription", "subscribe", "delivery", "plan", "plans"),
    PRICING("pricing", "price", "prices", "plans", "plan", "subscription", "subscribe", "membership", "tiers", "saas"),
    MENU("menu", "restaurant", "cafe", "coffee", "bakery", "bar", "food", "dishes"),
    GALLERY("gallery", "portfolio", "photos", "photography", "projects", "work", "showcase"),
    TESTIMONIALS("testimonials", "reviews", "customers", "clients", "trust"),
    TEAM("team", "about", "agency", "studio", "founders"),
    FAQ("faq", "questions", "help", "support"),
    NEWSLETTER("newsletter", "signup", "sign", "waitlist", "launch", "subscribe", "email"),
    CONTACT("contact", "booking", "book", "appointment", "reservation", "reservations", "location");

    private final List<String> words;

    Section(String... words) {
        this.words = List.of(words);
    }

    boolean mentionedIn(String prompt) {
        String lower = " " + prompt.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
        return words.stream().anyMatch(word -> lower.contains(" " + word + " "));
    }
}
