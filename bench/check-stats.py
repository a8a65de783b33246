#!/usr/bin/env python3
"""Checks `quizcard stats --json` on a (generated) log against the figures' definitions computed
independently in SQL and Python: streak, total, reviews today, true retention, leeches and the
revelation counts of active misconceptions. Assumes the system zone is UTC and days start at 4 am.

usage: bench/check-stats.py QUIZCARD_HOME   (e.g. target/bench/home1m)
"""
import sqlite3, json, subprocess, time, os, sys, collections
home=sys.argv[1]
out=subprocess.run([os.path.join(os.path.dirname(os.path.abspath(__file__)),'..','quizcard'),'stats','--json'],env=dict(os.environ,QUIZCARD_HOME=home),capture_output=True,text=True).stdout
now=int(time.time()*1000)
s=json.loads(out)
db=sqlite3.connect(home+'/progress.db')
day=lambda ms: (ms//1000 - 4*3600)//86400
today=day(now)
days=set(day(r[0]) for r in db.execute('select reviewed_at from review'))
d= today if today in days else today-1
streak=0
while d in days: streak+=1; d-=1
since=now-30*86400000
ret=db.execute("select count(*), sum(rating<>1) from review where reviewed_at>=? and state_before like 'review|%'",(since,)).fetchone()
todayc=sum(1 for (t,) in db.execute('select reviewed_at from review where reviewed_at>=?',(since,)) if day(t)==today)
leech={c:n for c,n in db.execute('select card,count(*) from review where rating=1 group by card having count(*)>=8')}
rev=collections.defaultdict(list)
for m,t in db.execute('select m.misconception, r.reviewed_at from revealed m join review r on r.id=m.review_id order by r.reviewed_at, r.id'): rev[m].append(t)
print('streak', streak, s['streak']); print('total', db.execute('select count(*) from review').fetchone()[0], s['totalReviews'])
print('retention', ret[0], s['retentionReviews'], ret[1]/ret[0], s['trueRetention']); print('today', todayc, s['reviewsToday'])
print('leeches equal', leech=={l['card']:l['agains'] for l in s['leeches']})
act={a['id']:(a['revealed'],a['lastSeen']) for a in s['activeMisconceptions']}
print('active', len(act), all(act[k][0]==len(rev[k]) for k in act))
