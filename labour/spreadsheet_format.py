"""The worker list's file format: its Chinese column headers, the example row of the template and the
Chinese words accepted and stored for gender.

This is a file format, not interface text: the template users download, the lists they upload and
the lists they export use these headers whatever the language of the page, so the same file imports
the same way for everyone; a worker's gender is stored as 男 or 女.
"""

COLUMNS = {"姓名": "name", "性别": "gender", "身份证号": "id_number", "护照号": "passport_no", "岗位": "job", "联系电话": "phone"}
TEMPLATE_EXAMPLE = ["张三", "男", "430102199001011234", "EA1234567", "钢筋工", "13800000000"]

MALE, FEMALE = "男", "女"
GENDERS = {"男": MALE, "女": FEMALE, "M": MALE, "F": FEMALE}
