import { defineMessages } from '../i18n/index.ts';

export const setupMessages = defineMessages({
  en: {
    'setup.title': 'Set up your forum',
    'setup.intro': 'Welcome! Name your community and create the first administrator account.',
    'setup.token': 'Setup token',
    'setup.tokenHelp': 'Printed in the server log when the forum started. It stops strangers from claiming a new forum.',
    'setup.tokenInvalid': 'That setup token is not right. Copy it from the server log.',
    'setup.forumName': 'Forum name',
    'setup.defaultLocale': 'Default language',
    'setup.admin': 'Administrator account',
    'setup.submit': 'Create forum',
    'setup.done': 'Your forum is ready.',
  },
  'zh-CN': {
    'setup.title': '设置你的论坛',
    'setup.intro': '欢迎！给社区起个名字，并创建第一个管理员账号。',
    'setup.token': '安装令牌',
    'setup.tokenHelp': '论坛启动时打印在服务器日志中，用于防止陌生人抢先占用新论坛。',
    'setup.tokenInvalid': '安装令牌不正确，请从服务器日志中复制。',
    'setup.forumName': '论坛名称',
    'setup.defaultLocale': '默认语言',
    'setup.admin': '管理员账号',
    'setup.submit': '创建论坛',
    'setup.done': '论坛已就绪。',
  },
});
