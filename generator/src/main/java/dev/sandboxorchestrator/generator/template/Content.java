package dev.sandboxorchestrator.generator.template;

import static dev.sandboxorchestrator.generator.template.TemplateCodeGenerator.items;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The words of the page: every section's text, written around the subject. Plain data, rendered as JSON. */
final class Content {
    private Content() {
    }

    static Map<String, Object> of(String subject, String prompt, Set<Section> sections) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("subject", subject);
        content.put("headline", subject + ", done beautifully");
        content.put("tagline", "Everything you love about " + subject.toLowerCase(java.util.Locale.ROOT)
                + ", made simple. Start in minutes and enjoy it every day.");
        content.put("cta", sections.contains(Section.PRICING) ? "See plans" : "Get started");
        content.put("ctaHref", sections.contains(Section.PRICING) ? "#pricing" : "#newsletter");
        List<Map<String, Object>> rendered = new ArrayList<>();
        List<Map<String, String>> nav = new ArrayList<>();
        for (Section section : sections) {
            Map<String, Object> block = block(section, subject);
            rendered.add(block);
            nav.add(Map.of("label", (String) block.get("nav"), "href", "#" + block.get("id")));
        }
        content.put("nav", nav);
        content.put("sections", rendered);
        content.put("prompt", prompt);
        content.put("disclaimer", TemplateCodeGenerator.DISCLAIMER);
        return content;
    }

    private static Map<String, Object> block(Section section, String subject) {
        String lower = subject.toLowerCase(java.util.Locale.ROOT);
        return switch (section) {
            case FEATURES -> section("features", "cards", "Features", "Why people choose " + subject,
                    "Thoughtful details that make " + lower + " a joy.",
                    "items", items("Quality first", "Carefully chosen and tested, so every experience with " + lower + " feels right.",
                            "Made for you", "Personal options that adapt to your taste and your schedule.",
                            "Fair and simple", "Clear terms, no surprises, and you can change your mind at any time."));
            case HOW_IT_WORKS -> section("how-it-works", "steps", "How it works", "How " + subject + " works",
                    "Three steps, and you are done.",
                    "items", items("Choose", "Pick what you like from our selection.",
                            "Personalise", "Tell us how often and how much; adjust whenever you want.",
                            "Enjoy", "It arrives right on time, every time."));
            case PRICING -> section("pricing", "pricing", "Pricing", "Simple pricing for " + subject,
                    "Pause, skip or cancel any time.",
                    "plans", List.of(plan("Starter", "$9", "A gentle start.", false, "One delivery a month", "Free shipping"),
                            plan("Regular", "$19", "Our most popular plan.", true, "Two deliveries a month", "Free shipping", "Member discounts"),
                            plan("Enthusiast", "$34", "For true fans.", false, "Weekly deliveries", "Free shipping", "Early access to new releases")));
            case MENU -> section("menu", "cards", "Menu", "Our " + lower + " selection",
                    "A few favourites to start with.",
                    "items", items("House classic", "The one everybody comes back for.",
                            "Seasonal special", "Fresh ideas that change with the seasons.",
                            "Something new", "A surprise from our team, every week."));
            case GALLERY -> section("gallery", "cards", "Gallery", subject + " in pictures",
                    "A look at what we have made.",
                    "items", items("Project one", "Where it all began.", "Project two", "Bolder and brighter.", "Project three", "Our latest work."));
            case TESTIMONIALS -> section("testimonials", "quotes", "Reviews", "What people say about " + subject,
                    "Real words from happy customers.",
                    "items", List.of(Map.of("quote", "I can't imagine my week without it anymore.", "author", "Sam, since 2023"),
                            Map.of("quote", "Simple, reliable and a real treat every time.", "author", "Priya, since 2024"),
                            Map.of("quote", "The best decision I made this year.", "author", "Jordan, since 2025")));
            case TEAM -> section("team", "cards", "About", "The people behind " + subject,
                    "A small team that cares about the details.",
                    "items", items("Alex", "Founder", "Maria", "Head of product", "Chen", "Customer happiness"));
            case FAQ -> section("faq", "faq", "FAQ", "Questions about " + subject,
                    "Everything you need to know.",
                    "items", List.of(Map.of("question", "Can I cancel at any time?", "answer", "Yes. There are no contracts and no fees."),
                            Map.of("question", "How do I get started?", "answer", "Sign up below and you are ready in two minutes."),
                            Map.of("question", "Do you offer gifts?", "answer", "Yes, every plan can be sent as a gift.")));
            case NEWSLETTER -> section("newsletter", "newsletter", "Join", "Get started with " + subject,
                    "Leave your email and we will be in touch with a welcome offer.", "button", "Sign me up");
            case CONTACT -> section("contact", "contact", "Contact", "Get in touch",
                    "We answer every message within a day.", "email", "hello@example.com");
        };
    }

    private static Map<String, Object> section(String id, String kind, String nav, String title, String intro, String key, Object value) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("id", id);
        section.put("kind", kind);
        section.put("nav", nav);
        section.put("title", title);
        section.put("intro", intro);
        section.put(key, value);
        return section;
    }

    private static Map<String, Object> plan(String name, String price, String text, boolean highlighted, String... features) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("name", name);
        plan.put("price", price);
        plan.put("text", text);
        plan.put("highlighted", highlighted);
        plan.put("features", List.of(features));
        return plan;
    }
}
