"""The import spreadsheet's format: its Chinese column headers and the Chinese words accepted in cells.

This is a file format shared with the department's existing spreadsheets, not interface text:
the templates users download and the files they upload use these headers whatever the language
of the page, so the same file imports the same way for everyone.
"""

PROJECT_COLUMNS = {"项目编号": "code", "项目名称": "name", "援助方式": "kind", "受援国": "country", "年度": "year",
                   "实施单位所在市州": "city", "实施单位": "implementer", "金额(万元)": "amount_wan", "进展": "status", "简介": "summary"}
TRAINEE_COLUMNS = {"培训班编号": "course_code", "培训班名称": "course_name", "护照号": "passport_no", "姓名": "name", "性别": "gender",
                   "国籍": "country", "年度": "year", "承办单位所在市州": "city", "承办单位": "organiser"}
GENDERS = ("", "男", "女")
PROVINCE_LEVEL = "省直"  # what the department writes for units administered by the province
CITY_SUFFIX = "市"  # "长沙市" and "长沙" both name Changsha
