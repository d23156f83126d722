"""Words the seeded district is made of (plausible, invented: no real company is named)."""

BUILDINGS = (
    "Plaza 66",
    "Jing'an Kerry Centre",
    "CITIC Square",
    "Wheelock Square",
    "Shanghai Centre",
    "Park Place",
    "Eton Place",
    "Westgate Tower",
    "Jing'an Temple Plaza",
    "Central Plaza",
    "Nanjing Road Exchange",
    "Yan'an Gateway",
    "Changde Court",
    "Huashan Tower",
    "Wuding Centre",
    "Jiangning Square",
    "Tongren House",
    "Xikang Point",
    "Maoming Heights",
)
STREETS = ("West Nanjing Road", "Yan'an Middle Road", "Huashan Road", "Wuding Road", "Changde Road")
SYLLABLES = (
    "Jing", "Hong", "Tai", "Xin", "Hua", "Rui", "Kang", "Yuan", "Ming", "Feng",
    "Bo", "Heng", "Long", "An", "Sheng", "Da", "Mei", "Tong", "Jia", "Cheng",
)  # fmt: skip
INDUSTRIES = {
    "finance": "Capital",
    "consulting": "Consulting",
    "law": "Law Firm",
    "software": "Technology",
    "pharma": "Pharmaceutical",
    "trade": "Trading",
    "advertising": "Media",
    "real_estate": "Property",
    "education": "Education",
    "logistics": "Supply Chain",
    "design": "Design",
    "accounting": "Accounting",
}
SURNAMES = ("Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun")
GIVEN_NAMES = ("Wei", "Fang", "Min", "Jie", "Lei", "Jing", "Qiang", "Yan", "Tao", "Ling", "Hao", "Xue")
ROLES = ("Office manager", "HR director", "General manager", "Finance manager", "Administration")
