"""China's provincial-level divisions: the short Chinese name the register keeps, the full name the CAC
writes, the English name users write, and the two-digit division code that opens an algorithm filing
number (44 → Guangdong). Also 国资委, under which the CAC lists central state-owned enterprises."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Province:
    short: str
    full: str
    english: str
    code: str  # first two digits of the administrative division code; "" for 国资委


PROVINCES: tuple[Province, ...] = (
    Province("北京", "北京市", "Beijing", "11"),
    Province("天津", "天津市", "Tianjin", "12"),
    Province("河北", "河北省", "Hebei", "13"),
    Province("山西", "山西省", "Shanxi", "14"),
    Province("内蒙古", "内蒙古自治区", "Inner Mongolia", "15"),
    Province("辽宁", "辽宁省", "Liaoning", "21"),
    Province("吉林", "吉林省", "Jilin", "22"),
    Province("黑龙江", "黑龙江省", "Heilongjiang", "23"),
    Province("上海", "上海市", "Shanghai", "31"),
    Province("江苏", "江苏省", "Jiangsu", "32"),
    Province("浙江", "浙江省", "Zhejiang", "33"),
    Province("安徽", "安徽省", "Anhui", "34"),
    Province("福建", "福建省", "Fujian", "35"),
    Province("江西", "江西省", "Jiangxi", "36"),
    Province("山东", "山东省", "Shandong", "37"),
    Province("河南", "河南省", "Henan", "41"),
    Province("湖北", "湖北省", "Hubei", "42"),
    Province("湖南", "湖南省", "Hunan", "43"),
    Province("广东", "广东省", "Guangdong", "44"),
    Province("广西", "广西壮族自治区", "Guangxi", "45"),
    Province("海南", "海南省", "Hainan", "46"),
    Province("重庆", "重庆市", "Chongqing", "50"),
    Province("四川", "四川省", "Sichuan", "51"),
    Province("贵州", "贵州省", "Guizhou", "52"),
    Province("云南", "云南省", "Yunnan", "53"),
    Province("西藏", "西藏自治区", "Tibet", "54"),
    Province("陕西", "陕西省", "Shaanxi", "61"),
    Province("甘肃", "甘肃省", "Gansu", "62"),
    Province("青海", "青海省", "Qinghai", "63"),
    Province("宁夏", "宁夏回族自治区", "Ningxia", "64"),
    Province("新疆", "新疆维吾尔自治区", "Xinjiang", "65"),
    Province("香港", "香港特别行政区", "Hong Kong", "81"),
    Province("澳门", "澳门特别行政区", "Macao", "82"),
    Province("国资委", "国资委", "central state-owned enterprises (SASAC)", ""),
)


@dataclass(frozen=True)
class City:
    """A city users name where the lists give only a province ("services from Shenzhen")."""

    short: str
    english: str
    province: str  # the province's short name


# Provincial capitals and the other large cities whose companies file most; the municipalities are provinces.
CITIES: tuple[City, ...] = tuple(
    City(short, english, province)
    for short, english, province in (
        ("深圳", "Shenzhen", "广东"), ("广州", "Guangzhou", "广东"), ("东莞", "Dongguan", "广东"),
        ("佛山", "Foshan", "广东"), ("珠海", "Zhuhai", "广东"), ("杭州", "Hangzhou", "浙江"),
        ("宁波", "Ningbo", "浙江"), ("温州", "Wenzhou", "浙江"), ("南京", "Nanjing", "江苏"),
        ("苏州", "Suzhou", "江苏"), ("无锡", "Wuxi", "江苏"), ("合肥", "Hefei", "安徽"),
        ("福州", "Fuzhou", "福建"), ("厦门", "Xiamen", "福建"), ("南昌", "Nanchang", "江西"),
        ("济南", "Jinan", "山东"), ("青岛", "Qingdao", "山东"), ("郑州", "Zhengzhou", "河南"),
        ("武汉", "Wuhan", "湖北"), ("长沙", "Changsha", "湖南"), ("南宁", "Nanning", "广西"),
        ("海口", "Haikou", "海南"), ("成都", "Chengdu", "四川"), ("贵阳", "Guiyang", "贵州"),
        ("昆明", "Kunming", "云南"), ("拉萨", "Lhasa", "西藏"), ("西安", "Xi'an", "陕西"),
        ("兰州", "Lanzhou", "甘肃"), ("西宁", "Xining", "青海"), ("银川", "Yinchuan", "宁夏"),
        ("乌鲁木齐", "Urumqi", "新疆"), ("石家庄", "Shijiazhuang", "河北"), ("太原", "Taiyuan", "山西"),
        ("呼和浩特", "Hohhot", "内蒙古"), ("沈阳", "Shenyang", "辽宁"), ("大连", "Dalian", "辽宁"),
        ("长春", "Changchun", "吉林"), ("哈尔滨", "Harbin", "黑龙江"),
    )
)  # fmt: skip


def city_named(short: str) -> City | None:
    """The city whose short Chinese name is `short`, or None."""
    return next((city for city in CITIES if city.short == short), None)


def city_pattern(city: City) -> str:
    """A regex for a city named as a place, not as the start of a name: "深圳的", "深圳有多少", "Shenzhen", never
    the 南京 of 南京大学."""
    follows = r"(?=市|的|地区|[有在和与及、，,。？?备登共一哪多总]|[^\u4e00-\u9fff]|$)"
    return rf"{city.short}{follows}|\b{city.english}\b".replace("'", "['’]?")


_BY_NAME = {name: p for p in PROVINCES for name in (p.short, p.full, p.english.lower())}
_BY_CODE = {p.code: p for p in PROVINCES if p.code}


def province_named(name: str) -> Province | None:
    """The province a Chinese (short or full) or English name means, or None."""
    name = name.strip()
    return _BY_NAME.get(name) or _BY_NAME.get(name.lower())


def province_of_code(division_code: str) -> Province | None:
    """The province whose division code opens `division_code` ("440115…" → 广东)."""
    return _BY_CODE.get(division_code[:2])


def english_province(short: str) -> str:
    found = province_named(short)
    return found.english if found else short
