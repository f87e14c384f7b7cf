import { z } from 'zod';

// Default validation messages in Chinese: a citizen may read them in an error hint.
z.config(z.locales.zhCN());
