"""What a new site starts with, stored as rows and edited in the admin afterwards: the home page's
title and introduction, the site's name, and the names of the review workflows and their tasks.

They are content, not interface: written once into the database in Chinese whatever the language
of the process that runs the set-up, and the workflows and tasks are found again by these names
(``portal.permissions.setup``), so they must not change with the language.
"""

from portal.models.classification import InfoClass

SITE_NAME = "湘企出海+"
HOME_TITLE = "湘企出海+"
HOME_INTRO = "<p>湖南企业走出去综合服务平台：政策、国别、项目、金融与对接服务，一站办理。</p>"

# information class → (workflow name, task name)
WORKFLOW_NAMES = {
    InfoClass.BASIC: ("基础类信息审核", "省商务厅审核"),
    InfoClass.FINANCIAL: ("金融类信息审核", "建行审核"),
    InfoClass.PROFESSIONAL: ("专业类信息审核", "运营方审核"),
}
