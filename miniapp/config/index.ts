import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin';
import devConfig from './dev';
import prodConfig from './prod';

/**
 * Taro build config for 济时办 (weapp + h5, webpack5 runner).
 * See shared/notes/taro.md for why each non-default line is here.
 */
export default defineConfig<'webpack5'>(async (merge) => {
  const isH5 = process.env.TARO_ENV === 'h5';
  // The workspace package @jsb/shared is TypeScript source; webpack resolves its link to the real
  // path outside src/, which Taro does not compile unless told to (Module parse failed … export interface).
  const sharedSrc = path.resolve(__dirname, '../../shared');

  // @jsb/shared is pure declarations, but its barrel also builds zod schemas at module top level, which
  // webpack must keep unless told the files are side-effect free. Without this flag, importing only
  // checkIdNumber put all of zod (~90 KB) into the weapp main package.
  const markSharedPure = (chain: { module: { rule(name: string): any } }) => {
    chain.module.rule('jsb-shared-pure').test(/\.ts$/).include.add(sharedSrc).end().sideEffects(false);
  };

  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'jishiban-miniapp',
    date: '2026-11-26',
    // NutUI React Taro is drawn on a 375 design; NutUI's docs ask for a designWidth function that answers
    // 375 for files under @nutui. We draw on 375 too, so one px in our SCSS is one CSS px on a 375-wide phone
    // (weapp: 1px → 2rpx), and the same number serves both.
    designWidth: 375,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: [],
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [sharedSrc] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
        markSharedPure(chain);
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedSrc] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
        markSharedPure(chain);
        // Taro splits only initial chunks on H5, so every lazily loaded page carried its own copy of NutUI
        // and of our api/components. Share them between pages instead.
        chain.optimization.merge({
          splitChunks: {
            cacheGroups: {
              nutui: { name: 'nutui', test: /[\\/]@nutui[\\/]/, chunks: 'async', priority: 20, enforce: true },
              pages: { name: 'pages-common', chunks: 'async', minChunks: 2, priority: 5, enforce: true },
            },
          },
        });
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
