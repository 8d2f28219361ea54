import { useTranslation } from 'react-i18next';
import type { MeStaffPost } from '../../api/types.ts';
import { pickName } from '../../lib/local-name.ts';

/** "我的岗位": the offices a staff member works in and the role in each. */
export function PostsPanel({ posts, isAdmin }: { posts: MeStaffPost[]; isAdmin: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const roleNames = t('me.posts.roles', { returnObjects: true }) as Record<string, string>;

  return (
    <section className="panel" aria-labelledby="posts-title">
      <h2 className="panel__title" id="posts-title">
        {t('me.posts.title')}
      </h2>
      <ul className="item-list">
        {isAdmin && (
          <li className="item">
            <h3 className="item__title">{t('me.posts.platformAdmin')}</h3>
            <p>{t('me.posts.platformAdminBody')}</p>
          </li>
        )}
        {posts.map((post) => {
          const area = [
            pickName(language, post.districtName, post.districtNameEn),
            pickName(language, post.streetName, post.streetNameEn),
          ]
            .filter(Boolean)
            .join(t('me.person.placeSeparator'));
          return (
            <li className="item" key={`${post.officeId}:${post.role}`}>
              <h3 className="item__title">{pickName(language, post.officeName, post.officeNameEn)}</h3>
              <dl className="facts facts--compact">
                <div className="facts__row">
                  <dt>{t('me.posts.role')}</dt>
                  <dd>
                    <span className="badge">{roleNames[post.role] ?? post.role}</span>
                  </dd>
                </div>
                <div className="facts__row">
                  <dt>{t('me.posts.department')}</dt>
                  <dd>{pickName(language, post.departmentName, post.departmentNameEn)}</dd>
                </div>
                <div className="facts__row">
                  <dt>{t('me.posts.area')}</dt>
                  <dd>{area || t('me.posts.citywide')}</dd>
                </div>
              </dl>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
