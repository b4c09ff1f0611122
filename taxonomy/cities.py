"""Hunan's 14 prefecture-level cities (市州), each with its own zone and bureau.

``PROVINCE`` marks enterprises and records administered at province level.
"""

from django.db import models


class City(models.TextChoices):
    CHANGSHA = "changsha", "长沙市"
    ZHUZHOU = "zhuzhou", "株洲市"
    XIANGTAN = "xiangtan", "湘潭市"
    HENGYANG = "hengyang", "衡阳市"
    SHAOYANG = "shaoyang", "邵阳市"
    YUEYANG = "yueyang", "岳阳市"
    CHANGDE = "changde", "常德市"
    ZHANGJIAJIE = "zhangjiajie", "张家界市"
    YIYANG = "yiyang", "益阳市"
    CHENZHOU = "chenzhou", "郴州市"
    YONGZHOU = "yongzhou", "永州市"
    HUAIHUA = "huaihua", "怀化市"
    LOUDI = "loudi", "娄底市"
    XIANGXI = "xiangxi", "湘西土家族苗族自治州"


class Jurisdiction(models.TextChoices):
    """Where an enterprise is administered: a city, or the province directly."""

    PROVINCE = "province", "省直"
    CHANGSHA = "changsha", "长沙市"
    ZHUZHOU = "zhuzhou", "株洲市"
    XIANGTAN = "xiangtan", "湘潭市"
    HENGYANG = "hengyang", "衡阳市"
    SHAOYANG = "shaoyang", "邵阳市"
    YUEYANG = "yueyang", "岳阳市"
    CHANGDE = "changde", "常德市"
    ZHANGJIAJIE = "zhangjiajie", "张家界市"
    YIYANG = "yiyang", "益阳市"
    CHENZHOU = "chenzhou", "郴州市"
    YONGZHOU = "yongzhou", "永州市"
    HUAIHUA = "huaihua", "怀化市"
    LOUDI = "loudi", "娄底市"
    XIANGXI = "xiangxi", "湘西土家族苗族自治州"


SHORT_NAMES = {
    City.CHANGSHA: "长沙",
    City.ZHUZHOU: "株洲",
    City.XIANGTAN: "湘潭",
    City.HENGYANG: "衡阳",
    City.SHAOYANG: "邵阳",
    City.YUEYANG: "岳阳",
    City.CHANGDE: "常德",
    City.ZHANGJIAJIE: "张家界",
    City.YIYANG: "益阳",
    City.CHENZHOU: "郴州",
    City.YONGZHOU: "永州",
    City.HUAIHUA: "怀化",
    City.LOUDI: "娄底",
    City.XIANGXI: "湘西州",
}
