//! Whether a person may do something on one course: the policy's answer for the action
//! and, when that answer reaches only the courses the person works on, their place on
//! this one. Every service that works on a course asks here first and works with the
//! [`OnCourse`] it gets back; only these checks make one, so leaving the check out does
//! not compile. A refusal is audited (the action it named, against the course or the
//! record the course was found through) and answers 403; a course of another
//! organisation answers 404. It imports no feature service, so every feature may use it.

use crate::auth::Actor;
use crate::clock::Clock;
use crate::error::WebError;
use crate::AppState;
use samla_domain::audit::Outcome;
use samla_domain::policy::emergency_access_reaches;
use samla_domain::{Action, Decision, Scope};
use samla_storage::courses::{self, Course};
use samla_storage::privacy::emergency;
use samla_storage::StoreError;
use sqlx::{AnyConnection, AnyPool};
use std::ops::Deref;

/// Where a person's place on a course is looked up: the pool, or a connection the caller
/// holds already.
pub enum Db<'a> {
    Pool(&'a AnyPool),
    Connection(&'a mut AnyConnection),
}

impl<'a> From<&'a AnyPool> for Db<'a> {
    fn from(pool: &'a AnyPool) -> Self {
        Db::Pool(pool)
    }
}

impl<'a> From<&'a mut AnyConnection> for Db<'a> {
    fn from(conn: &'a mut AnyConnection) -> Self {
        Db::Connection(conn)
    }
}

impl Db<'_> {
    /// Whether the actor works on the course or, for what an emergency access reaches,
    /// holds one to it that is open at `now`.
    async fn has_place(self, course_id: i64, actor: &Actor, action: Action, now: i64) -> Result<bool, WebError> {
        match self {
            Db::Pool(pool) => {
                let mut conn = pool.acquire().await.map_err(StoreError::from)?;
                has_place(&mut conn, course_id, actor, action, now).await
            }
            Db::Connection(conn) => has_place(conn, course_id, actor, action, now).await,
        }
    }
}

async fn has_place(
    conn: &mut AnyConnection,
    course_id: i64,
    actor: &Actor,
    action: Action,
    now: i64,
) -> Result<bool, WebError> {
    if courses::works_on(conn, course_id, actor.user_id).await? {
        return Ok(true);
    }
    if !emergency_access_reaches(&actor.roles, action) {
        return Ok(false);
    }
    Ok(emergency::holds(conn, actor.user_id, course_id, now).await?)
}

/// A course the actor may do an action on, as [`Actor::on_course`] and [`CourseScope`]
/// found it. Its fields are private: no other code can make one.
#[derive(Debug, Clone)]
pub struct OnCourse {
    course: Course,
    action: Action,
    scope: Scope,
}

impl OnCourse {
    pub fn course(&self) -> &Course {
        &self.course
    }

    pub fn into_course(self) -> Course {
        self.course
    }

    /// The action the check allowed.
    pub fn action(&self) -> Action {
        self.action
    }

    /// How far the policy's answer for that action reaches.
    pub fn scope(&self) -> Scope {
        self.scope
    }

    /// Reads the course again on `conn`: inside a write transaction, what is checked
    /// next is what the change will see.
    pub async fn reread(&mut self, conn: &mut AnyConnection) -> Result<(), WebError> {
        self.course = courses::get(conn, self.course.organisation_id, self.course.id).await?;
        Ok(())
    }

    /// The same course for another action, checked as [`Actor::on_course`] checks it
    /// (the course is not looked up again).
    pub async fn also(self, state: &AppState, actor: &Actor, action: Action) -> Result<OnCourse, WebError> {
        let id = self.course.id;
        actor.course_scope(state, action).await?.found(state, actor, self.course, ("course", id)).await
    }
}

impl Deref for OnCourse {
    type Target = Course;

    fn deref(&self) -> &Course {
        &self.course
    }
}

/// The policy's answer for one action, before it meets a course.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CourseScope {
    action: Action,
    scope: Scope,
}

impl CourseScope {
    /// The policy's answer without auditing; None when it refuses (for what a page
    /// offers and what a list holds).
    pub fn decide(actor: &Actor, action: Action) -> Option<CourseScope> {
        match actor.roles.decide(action) {
            Decision::Allow(scope) => Some(CourseScope { action, scope }),
            Decision::Deny => None,
        }
    }

    pub fn scope(self) -> Scope {
        self.scope
    }

    /// The person whose courses a list is limited to; None: the whole organisation's.
    pub fn limited_to(self, actor: &Actor) -> Option<i64> {
        (self.scope == Scope::AssignedCourses).then_some(actor.user_id)
    }

    /// The courses the answer reaches; None: every course of the organisation.
    pub async fn course_ids(self, state: &AppState, actor: &Actor) -> Result<Option<Vec<i64>>, WebError> {
        let Some(user_id) = self.limited_to(actor) else { return Ok(None) };
        let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
        let mine = courses::list(&mut conn, actor.organisation.id, Some(user_id)).await?;
        Ok(Some(mine.into_iter().map(|c| c.id).collect()))
    }

    /// Whether the answer reaches the course; a course not known yet (an application not
    /// placed on one) only the organisation's scope reaches.
    async fn reaches(self, db: Db<'_>, actor: &Actor, course_id: Option<i64>, now: i64) -> Result<bool, WebError> {
        // The organisation's scope asks for no place on the course; no course, no place.
        let works_on = match (self.scope, course_id) {
            (Scope::AssignedCourses, Some(course_id)) => db.has_place(course_id, actor, self.action, now).await?,
            _ => false,
        };
        Ok(Decision::Allow(self.scope).reaches_course(works_on))
    }

    /// The course, if the answer reaches it; a refusal is audited against the course.
    pub async fn course(self, state: &AppState, actor: &Actor, course_id: i64) -> Result<OnCourse, WebError> {
        let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
        let course = courses::get(&mut conn, actor.organisation.id, course_id).await?;
        drop(conn);
        self.found(state, actor, course, ("course", course_id)).await
    }

    /// A course already found through one of its records (a session, a round), if the
    /// answer reaches it; a refusal is audited against `refused_as`, the record asked for.
    pub async fn found(
        self,
        state: &AppState,
        actor: &Actor,
        course: Course,
        refused_as: (&str, i64),
    ) -> Result<OnCourse, WebError> {
        if course.organisation_id != actor.organisation.id {
            return Err(WebError::NotFound);
        }
        if !self.reaches(state.store.pool().into(), actor, Some(course.id), state.clock.now()).await? {
            return Err(refuse(state, actor, self.action, refused_as).await);
        }
        Ok(OnCourse { course, action: self.action, scope: self.scope })
    }

    /// For a record that belongs to one of these courses, or to none yet (an
    /// application, a household): whether the answer reaches one of them. A refusal is
    /// audited against `refused_as`.
    pub async fn require(
        self,
        state: &AppState,
        actor: &Actor,
        course_ids: &[Option<i64>],
        refused_as: (&str, i64),
    ) -> Result<(), WebError> {
        if self.scope == Scope::Organisation {
            return Ok(());
        }
        let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
        for course_id in course_ids {
            if self.reaches(Db::Connection(&mut conn), actor, *course_id, state.clock.now()).await? {
                return Ok(());
            }
        }
        drop(conn);
        Err(refuse(state, actor, self.action, refused_as).await)
    }
}

/// Audits a refusal and answers 403 (or the error that kept it from being audited).
async fn refuse(state: &AppState, actor: &Actor, action: Action, (record_type, record_id): (&str, i64)) -> WebError {
    let event = actor.event(action.as_str(), Outcome::Denied).record(record_type, record_id);
    match crate::services::audit::record(state, event).await {
        Ok(()) => WebError::Forbidden,
        Err(error) => error,
    }
}

impl Actor {
    /// The course, if the actor may do `action` on it. A denial by the policy is audited
    /// under the action, a course outside the person's own (when the policy allows only
    /// those) against the course; both answer 403. A course of another organisation
    /// answers 404.
    pub async fn on_course(&self, state: &AppState, action: Action, course_id: i64) -> Result<OnCourse, WebError> {
        self.course_scope(state, action).await?.course(state, self, course_id).await
    }

    /// The first of two actions the actor may do on the course (a page that either runs
    /// something or only reads its results). A course of another organisation answers
    /// 404; a refusal is audited under the first action, against the course; the policy's
    /// denial of both is not audited apart from that.
    pub async fn on_course_for_either(
        &self,
        state: &AppState,
        actions: [Action; 2],
        course_id: i64,
    ) -> Result<OnCourse, WebError> {
        let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
        let course = courses::get(&mut conn, self.organisation.id, course_id).await?;
        for action in actions {
            if let Some(scope) = CourseScope::decide(self, action) {
                if scope.reaches(Db::Connection(&mut conn), self, Some(course_id), state.clock.now()).await? {
                    return Ok(OnCourse { course, action, scope: scope.scope });
                }
            }
        }
        drop(conn);
        Err(refuse(state, self, actions[0], ("course", course_id)).await)
    }

    /// The policy's answer for `action`, to meet a course later; a denial is audited and
    /// answers 403.
    pub async fn course_scope(&self, state: &AppState, action: Action) -> Result<CourseScope, WebError> {
        let scope = self.authorize(state, action).await?;
        Ok(CourseScope { action, scope })
    }

    /// Whether the actor may do `action` on the course, without auditing: for deciding
    /// what a page offers. A course not known yet (`None`) only the organisation's scope
    /// reaches. `clock` says whether an emergency access is still open.
    pub async fn may_on_course<'a>(
        &self,
        clock: &Clock,
        db: impl Into<Db<'a>>,
        action: Action,
        course_id: impl Into<Option<i64>>,
    ) -> Result<bool, WebError> {
        match CourseScope::decide(self, action) {
            Some(scope) => scope.reaches(db.into(), self, course_id.into(), clock.now()).await,
            None => Ok(false),
        }
    }
}
