#include "domains/sample_data/vocabulary.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <initializer_list>

namespace trajc::domains::sample_data {

namespace {

constexpr std::array kFirstNames = {"Ada", "Liam", "Sofia", "Noah", "Maya", "Omar", "Elena", "Kenji", "Priya", "Lucas",
                                    "Amara", "Jonas", "Ines", "Mateo", "Hana", "Felix", "Zara", "Tomas", "Leila", "Oscar"};
constexpr std::array kLastNames = {"Lovelace", "Okafor", "Rossi", "Nguyen", "Schmidt", "Haddad", "Silva", "Tanaka", "Patel",
                                   "Moreau", "Kowalski", "Berg", "Costa", "Fischer", "Larsen", "Mendes", "Novak", "Quinn"};
constexpr std::array kCities = {"Lisbon", "Toronto", "Nairobi", "Osaka", "Berlin", "Melbourne", "Austin", "Lyon",
                                "Bergen", "Porto", "Seoul", "Cape Town", "Krakow", "Montreal", "Valencia", "Denver"};
constexpr std::array kCountries = {"Portugal", "Canada", "Kenya", "Japan", "Germany", "Australia", "United States",
                                   "France", "Norway", "South Korea", "South Africa", "Poland", "Spain", "Brazil"};
constexpr std::array kStreets = {"Elm Street", "Harbour Road", "Maple Avenue", "Station Road", "Mill Lane", "Park Row",
                                 "King Street", "Rua Augusta", "Cedar Court", "Bridge Street", "Lake Drive", "Oak Lane"};
constexpr std::array kCompanies = {"Northwind Traders", "Bluebird Labs", "Acme Logistics", "Greenleaf Foods",
                                   "Harbor Analytics", "Summit Outdoor", "Pixel Forge", "Riverstone Bank",
                                   "Solaris Energy", "Copperline Tools", "Atlas Freight", "Maple Health"};
constexpr std::array kEmailDomains = {"example.com", "example.org", "mail.example.net", "corp.example.com", "test.example.io"};
constexpr std::array kProductWords = {"Desk Lamp", "Water Bottle", "Trail Backpack", "Coffee Grinder", "Wireless Mouse",
                                      "Notebook", "Yoga Mat", "Chef Knife", "Rain Jacket", "Bluetooth Speaker",
                                      "Standing Desk", "Tea Kettle", "Running Shoes", "Desk Chair"};
constexpr std::array kTags = {"urgent", "billing", "backend", "frontend", "vip", "new", "sale", "outdoor", "kitchen",
                              "review", "bug", "feature", "priority", "archived", "beta"};
constexpr std::array kWords = {"alpha", "harbor", "cedar", "summit", "falcon", "orbit", "meadow", "quartz", "river",
                               "lantern", "pixel", "canyon", "ember", "tundra", "willow", "comet"};
constexpr std::array kCurrencies = {"EUR", "USD", "GBP", "JPY", "CAD", "CHF", "NOK", "AUD"};
constexpr std::array kCountryCodes = {"PT", "CA", "KE", "JP", "DE", "AU", "US", "FR", "NO", "KR", "ZA", "PL"};
constexpr std::array kLanguages = {"en", "pt", "de", "fr", "ja", "es", "nb", "ko"};
constexpr std::array kColors = {"red", "teal", "navy", "amber", "olive", "coral", "slate", "ivory"};
constexpr std::array kDepartments = {"Engineering", "Sales", "Finance", "Support", "Marketing", "Operations", "Legal"};
constexpr std::array kTitles = {"Quarterly report", "Onboarding checklist", "Release notes", "Budget review",
                                "Team offsite plan", "Customer survey", "Incident summary", "Roadmap draft"};
constexpr std::array kSentences = {"Leave at the front desk.", "Call before delivery.", "Gift wrap, please.",
                                   "Customer asked for an invoice.", "Follow up next week.", "Fragile: handle with care.",
                                   "Ships with the next batch.", "Reviewed and approved."};
constexpr std::array kJobs = {"Data Analyst", "Backend Engineer", "Product Manager", "Designer", "Accountant",
                              "Support Lead", "Nurse", "Teacher"};

constexpr std::array kAirports = {"LIS", "YYZ", "NBO", "KIX", "BER", "MEL", "AUS", "LYS", "BGO", "OPO", "ICN", "CPT"};
constexpr std::array kUserAgents = {"Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0", "Mozilla/5.0 (Macintosh) Safari/17.4",
                                    "Mozilla/5.0 (Windows NT 10.0) Chrome/126.0", "curl/8.5.0", "python-requests/2.31"};
constexpr std::array kSkills = {"python", "sql", "kubernetes", "negotiation", "excel", "react", "first aid", "welding"};
constexpr std::array kFoods = {"gluten", "peanuts", "dairy", "eggs", "soy", "shellfish", "sesame", "tree nuts"};
constexpr std::array kMakes = {"Toyota", "Volvo", "Ford", "Renault", "Kia", "Skoda", "Tesla", "Fiat"};
constexpr std::array kModels = {"Corolla", "XC40", "Transit", "Clio", "Niro", "Octavia", "Model 3", "Panda"};
constexpr std::array kArtists = {"The Lanterns", "Maya Ode", "Northern Static", "Kenji & the Tides", "Velvet Orbit", "Ines Costa"};
constexpr std::array kAlbums = {"Harbor Lights", "Paper Moons", "Slow Rivers", "Neon Meadow", "Glass Summer", "Low Tide"};
constexpr std::array kUnits = {"kg", "pcs", "box", "litre", "pack", "m"};
constexpr std::array kSubjects = {"Biology", "History", "Mathematics", "Economics", "Chemistry", "Literature"};

template <size_t N>
const char* Pick(const std::array<const char*, N>& list, SplitMix64& rng) {
  return list[rng.Below(N)];
}

int64_t Between(SplitMix64& rng, int64_t lo, int64_t hi) { return lo + static_cast<int64_t>(rng.Below(static_cast<uint64_t>(hi - lo + 1))); }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Whether the field name, lowercased, is one of `words` or has one of them as a
// `_`-separated part (`billing_email` has `email`).
// `f` is already lowercased (once per value, by the callers below).
bool Has(std::string_view f, std::initializer_list<std::string_view> words) {
  for (std::string_view word : words) {
    if (f == word) return true;
    size_t at = 0;
    while ((at = f.find(word, at)) != std::string_view::npos) {
      bool left = at == 0 || f[at - 1] == '_';
      bool right = at + word.size() == f.size() || f[at + word.size()] == '_';
      if (left && right) return true;
      ++at;
    }
  }
  return false;
}

std::string Slug(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  return out;
}

std::string Digits(SplitMix64& rng, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += static_cast<char>('0' + rng.Below(10));
  return s;
}

std::string Two(int64_t v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", static_cast<int>(v));
  return buf;
}

}  // namespace

Persona DrawPersona(SplitMix64& rng) {
  Persona p;
  p.first = Pick(kFirstNames, rng);
  p.last = Pick(kLastNames, rng);
  p.city = Pick(kCities, rng);
  p.country = Pick(kCountries, rng);
  p.street = std::to_string(Between(rng, 1, 240)) + " " + Pick(kStreets, rng);
  p.company = Pick(kCompanies, rng);
  p.email_domain = Pick(kEmailDomains, rng);
  return p;
}

std::string StrFor(std::string_view name, const Persona& p, SplitMix64& rng) {
  const std::string field = Lower(name);
  if (Has(field, {"email", "mail"})) return Lower(p.first) + "." + Lower(p.last) + "@" + p.email_domain;
  if (Has(field, {"first_name", "first", "given_name"})) return p.first;
  if (Has(field, {"last_name", "last", "surname", "family_name"})) return p.last;
  if (Has(field, {"user_agent"})) return Pick(kUserAgents, rng);
  if (Has(field, {"username", "user", "login", "handle"})) return Lower(p.first) + "_" + Lower(p.last.substr(0, 3)) + Digits(rng, 2);
  if (Has(field, {"ip", "ip_address", "ipv4"})) return "10." + std::to_string(rng.Below(256)) + "." + std::to_string(rng.Below(256)) + "." + std::to_string(1 + rng.Below(254));
  if (Has(field, {"iban"})) return Pick(kCountryCodes, rng) + Digits(rng, 2) + Digits(rng, 18);
  if (Has(field, {"isbn"})) return "978-" + Digits(rng, 1) + "-" + Digits(rng, 4) + "-" + Digits(rng, 4) + "-" + Digits(rng, 1);
  if (Has(field, {"vin"})) return "WVW" + Digits(rng, 5) + "A" + Digits(rng, 8);
  if (Has(field, {"version", "firmware_version"})) return std::to_string(1 + rng.Below(4)) + "." + std::to_string(rng.Below(10)) + "." + std::to_string(rng.Below(20));
  if (Has(field, {"origin", "destination", "airport"})) return Pick(kAirports, rng);
  if (Has(field, {"zip", "postcode", "postal_code", "zip_code"})) return Digits(rng, 5);
  if (Has(field, {"recipient_address", "shipping_address", "delivery_address", "destination_address"}))  // someone else's
    return std::to_string(Between(rng, 1, 240)) + " " + Pick(kStreets, rng) + ", " + Pick(kCities, rng);
  if (Has(field, {"sender_address", "billing_address", "home_address", "address"})) return p.street + ", " + p.city;
  if (Has(field, {"room", "room_number", "gate", "seat"}))
    return std::string(1, static_cast<char>('A' + rng.Below(6))) + std::to_string(Between(rng, 1, 40));
  if (Has(field, {"make", "brand"})) return Pick(kMakes, rng);
  if (Has(field, {"model"})) return Pick(kModels, rng);
  if (Has(field, {"artist", "band"})) return Pick(kArtists, rng);
  if (Has(field, {"album"})) return Pick(kAlbums, rng);
  if (Has(field, {"skill", "skills"})) return Pick(kSkills, rng);
  if (Has(field, {"allergen", "allergens", "allergy", "allergies", "ingredient"})) return Pick(kFoods, rng);
  if (Has(field, {"unit"})) return Pick(kUnits, rng);
  if (Has(field, {"major", "course"})) return Pick(kSubjects, rng);
  if (Has(field, {"base", "base_currency"})) return Pick(kCurrencies, rng);
  if (Has(field, {"doctor", "instructor", "organizer", "organiser", "teacher", "host", "driver", "agent"})) {
    std::string first = Pick(kFirstNames, rng);
    return first + " " + Pick(kLastNames, rng);
  }
  if (Has(field, {"publisher"})) return p.company;
  if (Has(field, {"bio", "quote", "special_requests", "request", "step", "steps", "reason"})) return Pick(kSentences, rng);
  if (Has(field, {"query", "search", "keywords"})) return Lower(Pick(kProductWords, rng));
  if (Has(field, {"country_code"})) return Pick(kCountryCodes, rng);
  if (Has(field, {"sku", "code", "product_code"})) return std::string("SKU-") + Digits(rng, 5);
  if (Has(field, {"company", "organization", "organisation", "employer", "vendor", "supplier", "carrier"})) return p.company;
  if (Has(field, {"product", "product_name", "item", "item_name"})) return Pick(kProductWords, rng);
  if (Has(field, {"city", "town"})) return p.city;
  if (Has(field, {"country"})) return p.country;
  if (Has(field, {"name", "full_name", "customer", "author", "owner", "contact", "assignee", "recipient", "person", "manager",
                  "reviewer"}))
    return p.first + " " + p.last;
  if (Has(field, {"street", "address", "address_line", "line1"})) return p.street;
  if (Has(field, {"zip", "postcode", "postal_code", "zip_code"})) return Digits(rng, 5);
  if (Has(field, {"phone", "mobile", "tel"})) return "+1-555-" + Digits(rng, 3) + "-" + Digits(rng, 4);
  if (Has(field, {"id", "uuid", "ref", "reference", "order_id", "invoice_id", "number"}))
    return std::string(1, static_cast<char>('A' + rng.Below(26))) + std::string(1, static_cast<char>('A' + rng.Below(26))) + "-" + Digits(rng, 6);
  if (Has(field, {"currency"})) return Pick(kCurrencies, rng);
  if (Has(field, {"language", "lang", "locale"})) return Pick(kLanguages, rng);
  if (Has(field, {"color", "colour"})) return Pick(kColors, rng);
  if (Has(field, {"department", "team", "dept"})) return Pick(kDepartments, rng);
  if (Has(field, {"job", "role", "position", "occupation", "job_title"})) return Pick(kJobs, rng);
  if (Has(field, {"title", "subject", "headline", "label"})) return Pick(kTitles, rng);
  if (Has(field, {"tag", "tags", "category", "keyword", "topic"})) return Pick(kTags, rng);
  if (Has(field, {"url", "website", "homepage", "link"})) return "https://" + Slug(p.company) + ".example.com";
  if (Has(field, {"domain", "host", "hostname"})) return Slug(p.company) + ".example.com";
  if (Has(field, {"slug"})) return Slug(Pick(kTitles, rng));
  if (Has(field, {"note", "notes", "comment", "description", "message", "body", "text", "summary", "instructions"}))
    return Pick(kSentences, rng);
  if (Has(field, {"state", "region", "province"})) return Pick(kCities, rng);
  return Pick(kWords, rng);
}

int64_t IntFor(std::string_view name, SplitMix64& rng) {
  const std::string field = Lower(name);
  if (Has(field, {"age"})) return Between(rng, 18, 79);
  if (Has(field, {"year"})) return Between(rng, 1995, 2025);
  if (Has(field, {"month"})) return Between(rng, 1, 12);
  if (Has(field, {"day"})) return Between(rng, 1, 28);
  if (Has(field, {"hour", "hours"})) return Between(rng, 0, 23);
  if (Has(field, {"minutes", "minute"})) return Between(rng, 0, 59);
  if (Has(field, {"bedrooms", "bathrooms", "rooms", "servings", "portions", "credits", "renewals", "checked_bags", "bags"}))
    return Between(rng, 1, 6);
  if (Has(field, {"km", "odometer_km", "mileage"})) return Between(rng, 1000, 180000);
  if (Has(field, {"calories"})) return Between(rng, 80, 950);
  if (Has(field, {"zoom"})) return Between(rng, 1, 18);
  if (Has(field, {"capacity", "headcount"})) return Between(rng, 10, 400);
  if (Has(field, {"salary", "salary_min", "salary_max"})) return Between(rng, 30, 150) * 1000;
  if (Has(field, {"quantity", "qty", "count", "units", "seats", "copies", "items", "guests", "nights"})) return Between(rng, 1, 12);
  if (Has(field, {"stock", "inventory", "available"})) return Between(rng, 0, 500);
  if (Has(field, {"priority", "rating", "stars", "level", "rank", "tier"})) return Between(rng, 1, 5);
  if (Has(field, {"port"})) return Between(rng, 1024, 9999);
  if (Has(field, {"percent", "percentage", "discount"})) return Between(rng, 0, 50);
  if (Has(field, {"cents", "price_cents", "amount_cents"})) return Between(rng, 99, 99999);
  if (Has(field, {"id", "number", "user_id", "order_id", "customer_id", "account_id"})) return Between(rng, 1000, 99999);
  if (Has(field, {"timeout", "seconds", "duration", "ttl"})) return Between(rng, 5, 3600);
  if (Has(field, {"retries", "attempts", "max_retries"})) return Between(rng, 0, 5);
  if (Has(field, {"size", "length", "width", "height", "limit", "page", "page_size"})) return Between(rng, 1, 100);
  return Between(rng, 0, 100);
}

double FloatFor(std::string_view name, SplitMix64& rng) {
  const std::string field = Lower(name);
  int64_t cents;
  if (Has(field, {"rating", "stars"})) cents = Between(rng, 100, 500);
  else if (Has(field, {"salary"})) cents = Between(rng, 30000, 150000) * 100 + 50;
  else if (Has(field, {"nightly_rate", "hourly_rate", "daily_rate", "monthly_fee", "fee"})) cents = Between(rng, 2500, 40000);
  else if (Has(field, {"rate", "ratio", "probability", "share", "score", "confidence", "weight_factor", "tax_rate"})) cents = Between(rng, 1, 99);
  else if (Has(field, {"pressure", "pressure_hpa"})) cents = Between(rng, 95000, 105000);
  else if (Has(field, {"lat", "latitude"})) cents = Between(rng, -8999, 8999);
  else if (Has(field, {"lon", "lng", "longitude"})) cents = Between(rng, -17999, 17999);
  else if (Has(field, {"temperature", "temp", "celsius"})) cents = Between(rng, -1500, 3800);
  else if (Has(field, {"weight", "kg", "mass", "distance", "km", "height", "length", "width"})) cents = Between(rng, 10, 9999);
  else if (Has(field, {"price", "amount", "total", "cost", "balance", "fee", "subtotal", "salary", "budget", "unit_price", "tax"}))
    cents = Between(rng, 199, 99999);
  else cents = Between(rng, 1, 9999);
  if (cents % 100 == 0) cents += 5;  // keep a fractional part so the value reads as a float
  return static_cast<double>(cents) / 100.0;
}

std::string DateFor(std::string_view name, bool with_time, SplitMix64& rng) {
  const std::string field = Lower(name);
  int64_t lo = 2019, hi = 2025;
  if (Has(field, {"birth", "birthday", "born", "dob", "birth_date", "date_of_birth"})) lo = 1950, hi = 2005;
  else if (Has(field, {"due", "expires", "expiry", "deadline", "until", "end", "ends", "renewal", "due_date"})) lo = 2025, hi = 2027;
  int64_t year = Between(rng, lo, hi);
  int64_t month = Between(rng, 1, 12);
  int64_t day = Between(rng, 1, 28);
  std::string out = std::to_string(year) + "-" + Two(month) + "-" + Two(day);
  if (with_time) out += "T" + Two(Between(rng, 7, 20)) + ":" + Two(Between(rng, 0, 11) * 5) + ":00";
  return out;
}

std::string KeyFor(std::string_view name, SplitMix64& rng) {
  const std::string field = Lower(name);
  if (Has(field, {"stock", "inventory", "prices", "skus", "quantities", "reserved", "stock_levels"})) return std::string("SKU-") + Digits(rng, 5);
  if (Has(field, {"preferences", "settings", "flags", "features", "options"}))
    return Pick(std::array{"newsletter", "sms_alerts", "dark_mode", "two_factor", "auto_renew", "beta_features"}, rng);
  if (Has(field, {"scores", "grades", "votes", "members", "contacts"})) return Pick(kFirstNames, rng);
  if (Has(field, {"rates", "currencies", "balances"})) return Pick(kCurrencies, rng);
  if (Has(field, {"headers"})) return Pick(std::array{"Accept", "User-Agent", "X-Request-Id", "Cache-Control"}, rng);
  if (Has(field, {"translations", "labels_by_language"})) return Pick(kLanguages, rng);
  if (Has(field, {"cities", "by_city"})) return Pick(kCities, rng);
  return Pick(kWords, rng);
}

}  // namespace trajc::domains::sample_data
