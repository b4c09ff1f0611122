from django.db import migrations

DEFAULT = [
    ("招商与投资", "入区企业数量、中资企业占比、本年新增投资", 25),
    ("经营效益", "园区企业产值、上缴东道国税费及其增长", 20),
    ("带动与贡献", "当地就业、技术转移、对国内产能和装备出口的带动", 20),
    ("园区管理与服务", "基础设施、一站式服务、入区企业满意度", 20),
    ("安全与合规", "安全生产、环保、劳工权益和当地法律合规记录", 15),
]


def seed(apps, schema_editor):
    Indicator = apps.get_model("zones", "Indicator")
    if not Indicator.objects.exists():
        for order, (name, description, weight) in enumerate(DEFAULT):
            Indicator.objects.create(name=name, description=description, weight=weight, order=order)


class Migration(migrations.Migration):
    dependencies = [("zones", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
